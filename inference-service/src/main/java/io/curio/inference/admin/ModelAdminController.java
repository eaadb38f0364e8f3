package io.curio.inference.admin;

import java.util.List;

import io.curio.inference.model.Algorithm;
import io.curio.inference.model.ModelRegistry;
import io.curio.inference.model.ModelRegistry.Reloaded;
import io.curio.inference.model.ModelRegistry.ServingChange;
import io.curio.inference.model.RegistryInventory;
import io.curio.inference.model.RegistryInventory.AlgorithmVersions;
import io.curio.inference.training.UnknownAlgorithmException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Model registry administration: what is stored and served, rollback, activation of a chosen version, and a
 * reload that picks up versions written to S3 by others. The gateway routes {@code /v1/admin/models/**} here for
 * callers holding {@code experiments:admin}.
 */
@RestController
@RequestMapping("/admin/models")
class ModelAdminController {

    private final ModelRegistry registry;

    private final RegistryInventory inventory;

    ModelAdminController(ModelRegistry registry, RegistryInventory inventory) {
        this.registry = registry;
        this.inventory = inventory;
    }

    @GetMapping
    List<AlgorithmVersions> models() {
        return this.inventory.list();
    }

    @PostMapping("/{algorithm}/rollback")
    ServingChange rollback(@PathVariable String algorithm) {
        return this.registry.rollback(known(algorithm));
    }

    @PostMapping("/{algorithm}/versions/{version}/activate")
    ServingChange activate(@PathVariable String algorithm, @PathVariable String version) {
        return this.registry.force(known(algorithm), version);
    }

    @PostMapping("/reload")
    List<Reloaded> reload() {
        return this.registry.reload();
    }

    private static Algorithm known(String algorithm) {
        return Algorithm.fromModelName(algorithm).orElseThrow(() -> new UnknownAlgorithmException(algorithm));
    }

}
