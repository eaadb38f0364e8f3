package io.curio.inference.model;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

}
