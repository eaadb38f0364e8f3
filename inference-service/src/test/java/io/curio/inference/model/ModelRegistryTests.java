package io.curio.inference.model;

import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

class ModelRegistryTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final ModelRegistry registry = new ModelRegistry(null, this.meters);

    @Test
    void swapsInANewerVersion() {
        this.registry.activate(Models.neighbours("2026-12-04T10-00-00Z"));

        this.registry.activate(Models.neighbours("2026-12-04T11-00-00Z"));

        assertThat(this.registry.newest(Algorithm.ITEM_NEIGHBOURS)).get()
            .extracting(RecommendationModel::version)
            .isEqualTo("2026-12-04T11-00-00Z");
    }

    @Test
    void keepsServingTheNewerVersionWhenAnOlderOneArrivesLate() {
        this.registry.activate(Models.neighbours("2026-12-04T11-00-00Z"));

        this.registry.activate(Models.neighbours("2026-12-04T10-00-00Z"));

        assertThat(this.registry.newest(Algorithm.ITEM_NEIGHBOURS)).get()
            .extracting(RecommendationModel::version)
            .isEqualTo("2026-12-04T11-00-00Z");
    }

    @Test
    void publishesTheServedVersionAsAGauge() {
        this.registry.activate(Models.neighbours("2026-12-04T10-00-00Z"));
        this.registry.activate(Models.neighbours("2026-12-04T11-00-00Z"));

        assertThat(this.meters.find("curio.inference.model.version").gauges()).singleElement()
            .satisfies((gauge) -> assertThat(gauge.getId().getTag("version")).isEqualTo("2026-12-04T11-00-00Z"));
    }

    @Test
    void holdsATrainedVersionWithoutServingItAndStoresTheDecision() {
        ModelStore store = mock(ModelStore.class);
        given(store.servingRecord(Algorithm.ITEM_NEIGHBOURS)).willReturn(Optional.empty());
        ModelRegistry registry = new ModelRegistry(store, this.meters);
        registry.activate(Models.neighbours("2026-12-04T10-00-00Z"));

        Promotion held = registry.hold(Models.neighbours("2026-12-04T11-00-00Z"));

        ArgumentCaptor<ServingRecord> stored = ArgumentCaptor.forClass(ServingRecord.class);
        then(store).should().saveServingRecord(stored.capture());
        assertThat(held.outcome()).isEqualTo(Promotion.Outcome.HELD);
        assertThat(held.allowsRollbackTo()).isFalse();
        assertThat(stored.getValue().version()).isEqualTo("2026-12-04T10-00-00Z");
        assertThat(stored.getValue().decision("2026-12-04T11-00-00Z")).get()
            .extracting(Promotion::outcome)
            .isEqualTo(Promotion.Outcome.HELD);
        assertThat(registry.newest(Algorithm.ITEM_NEIGHBOURS)).get()
            .extracting(RecommendationModel::version)
            .isEqualTo("2026-12-04T10-00-00Z");
    }

}
