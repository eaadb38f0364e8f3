package io.curio.inference.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.curio.inference.model.Algorithm;
import io.curio.inference.model.InvalidModelException;
import io.curio.inference.model.ModelRegistry;
import io.curio.inference.model.ModelRegistry.ServingChange;
import io.curio.inference.model.ModelSpec;
import io.curio.inference.model.NoPreviousVersionException;
import io.curio.inference.model.Promotion;
import io.curio.inference.model.Promotion.Outcome;
import io.curio.inference.model.RegistryInventory;
import io.curio.inference.model.RegistryInventory.AlgorithmVersions;
import io.curio.inference.model.RegistryInventory.StoredVersion;
import io.curio.inference.model.UnknownModelVersionException;
import io.curio.inference.model.UnloadableModelException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ModelAdminController.class)
class ModelAdminControllerTests {

    private static final String V10 = "2026-12-04T10-00-00Z";

    private static final String V11 = "2026-12-04T11-00-00Z";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ModelRegistry registry;

    @MockitoBean
    private RegistryInventory inventory;

    @Test
    void listsTheStoredVersionsOfEachAlgorithm() throws Exception {
        Promotion rejected = new Promotion(Outcome.REJECTED, "recall@20 0.3 < 0.35 - 0.01",
                Instant.parse("2026-12-04T11:05:00Z"));
        given(this.inventory.list()).willReturn(List.of(new AlgorithmVersions("item-neighbours", V10,
                List.of(new StoredVersion(V11, true, false, Instant.parse("2026-12-04T11:00:00Z"),
                        Map.of("recall@20", 0.3), Map.of("lambda", 500), 12.5, rejected, null)))));

        this.mvc.perform(get("/admin/models"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[0].algorithm").value("item-neighbours"))
            .andExpect(jsonPath("$[0].serving").value(V10))
            .andExpect(jsonPath("$[0].versions[0].complete").value(true))
            .andExpect(jsonPath("$[0].versions[0].metrics['recall@20']").value(0.3))
            .andExpect(jsonPath("$[0].versions[0].promotion.outcome").value("rejected"))
            .andExpect(jsonPath("$[0].versions[0].promotion.reason").value("recall@20 0.3 < 0.35 - 0.01"));
    }

    @Test
    void rollsBack() throws Exception {
        given(this.registry.rollback(Algorithm.ITEM_NEIGHBOURS))
            .willReturn(new ServingChange("item-neighbours", V10, V11));

        this.mvc.perform(post("/admin/models/item-neighbours/rollback"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.serving").value(V10))
            .andExpect(jsonPath("$.replaced").value(V11));
    }

    @Test
    void answersConflictWhenThereIsNothingToRollBackTo() throws Exception {
        given(this.registry.rollback(Algorithm.ITEM_NEIGHBOURS))
            .willThrow(new NoPreviousVersionException(Algorithm.ITEM_NEIGHBOURS, V10));

        this.mvc.perform(post("/admin/models/item-neighbours/rollback"))
            .andExpect(status().isConflict())
            .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value("urn:curio:problem:no-previous-version"));
    }

    @Test
    void answersNotFoundForAnUnknownAlgorithmWithoutTouchingTheRegistry() throws Exception {
        this.mvc.perform(post("/admin/models/word2vec/rollback"))
            .andExpect(status().isNotFound())
            .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value("urn:curio:problem:unknown-algorithm"));
        then(this.registry).should(never()).rollback(any());
    }

    @Test
    void answersNotFoundForAMissingVersion() throws Exception {
        given(this.registry.force(Algorithm.ITEM_NEIGHBOURS, V11))
            .willThrow(new UnknownModelVersionException(Algorithm.ITEM_NEIGHBOURS, V11));

        this.mvc.perform(post("/admin/models/item-neighbours/versions/" + V11 + "/activate"))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.type").value("urn:curio:problem:unknown-model-version"));
    }

    @Test
    void answersUnprocessableForAVersionThatDoesNotLoad() throws Exception {
        ModelSpec spec = ModelSpec.parse("item-neighbours@" + V11).orElseThrow();
        given(this.registry.force(Algorithm.ITEM_NEIGHBOURS, V11))
            .willThrow(new UnloadableModelException(spec, new InvalidModelException("bad magic bytes")));

        this.mvc.perform(post("/admin/models/item-neighbours/versions/" + V11 + "/activate"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.type").value("urn:curio:problem:unloadable-model"))
            .andExpect(jsonPath("$.detail").value("item-neighbours@" + V11 + " does not load: bad magic bytes"));
    }

    @Test
    void reloads() throws Exception {
        Promotion promoted = new Promotion(Outcome.PROMOTED, "no version was served", Instant.EPOCH);
        given(this.registry.reload()).willReturn(List.of(new ModelRegistry.Reloaded("item-neighbours", V11,
                Map.of(V11, promoted), null)));

        this.mvc.perform(post("/admin/models/reload"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[0].serving").value(V11))
            .andExpect(jsonPath("$[0].decided['" + V11 + "'].outcome").value("promoted"));
    }

}
