package io.curio.inference.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ModelsController {

    private final ModelRegistry registry;

    ModelsController(ModelRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/internal/models")
    List<LoadedModel> loadedModels() {
        return this.registry.loaded()
            .stream()
            .map(RecommendationModel::metadata)
            .map((metadata) -> new LoadedModel(metadata.algorithm(), metadata.version(), metadata.createdAt()))
            .sorted(Comparator.comparing(LoadedModel::algorithm).thenComparing(LoadedModel::version))
            .toList();
    }

    record LoadedModel(String algorithm, String version, Instant createdAt) {
    }

}
