package io.curio.inference.model;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ModelMetadataTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsMetadataWrittenBeforeMetricsExisted() {
        String written = """
                {"algorithm":"popularity","version":"2026-12-04T10-00-00Z","createdAt":"2026-12-04T10:00:00Z",
                "dataFrom":"2026-12-01T00:00:00Z","dataTo":"2026-12-04T09:00:00Z","events":10,"interactions":8,
                "users":3,"books":4,"parameters":{"half-life":"PT720H"},"trainingSeconds":0.5}
                """;

        ModelMetadata metadata = this.json.readValue(written, ModelMetadata.class);

        assertThat(metadata.metrics()).isEmpty();
        assertThat(metadata.parameters()).containsEntry("half-life", "PT720H");
    }

    @Test
    void keepsMetricsThroughJson() {
        ModelMetadata metadata = Models.metadata(Algorithm.POPULARITY, "2026-12-04T10-00-00Z")
            .withMetrics(Map.of("recall@20", 0.25, "ndcg@20", 0.125));

        ModelMetadata read = this.json.readValue(this.json.writeValueAsString(metadata), ModelMetadata.class);

        assertThat(read).isEqualTo(metadata);
        assertThat(read.metrics()).containsExactly(Map.entry("ndcg@20", 0.125), Map.entry("recall@20", 0.25));
    }

    @Test
    void refusesAMetricWithoutAFiniteValue() {
        Map<String, Double> metrics = new HashMap<>();
        metrics.put("recall@20", null);
        ModelMetadata metadata = Models.metadata(Algorithm.POPULARITY, "2026-12-04T10-00-00Z");

        assertThatIllegalArgumentException().isThrownBy(() -> metadata.withMetrics(metrics))
            .withMessage("metric recall@20 must be a finite number, not null");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> metadata.withMetrics(Map.of("ndcg@20", Double.NaN)))
            .withMessage("metric ndcg@20 must be a finite number, not NaN");
    }

}
