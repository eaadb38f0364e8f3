package io.curio.inference.recommendation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.curio.inference.model.Algorithm;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecommendationMetricsTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void registersTheRequestCountersOutsideExperimentsAtZeroBeforeTheFirstList() {
        new RecommendationMetrics(this.meters);

        assertThat(this.meters.find("curio.inference.requests").tag("variant", "none").counters())
            .extracting((counter) -> counter.getId().getTag("algorithm") + "/" + counter.getId().getTag("degraded"))
            .containsExactlyInAnyOrderElementsOf(Arrays.stream(Algorithm.values())
                .flatMap((algorithm) -> Stream.of(algorithm.modelName() + "/false", algorithm.modelName() + "/true"))
                .toList())
            .contains("ease/false", "blend/true");
        assertThat(this.meters.find("curio.inference.requests").counters()).extracting(Counter::count)
            .containsOnly(0.0);
    }

    @Test
    void registersEveryFallbackReasonAtZero() {
        new VariantFallbacks(this.meters);

        assertThat(this.meters.find("curio.inference.variant.fallbacks").counters())
            .extracting((counter) -> counter.getId().getTag("reason"))
            .containsExactlyInAnyOrder("unknown-model", "model-unavailable");
    }

    @Test
    void countsAServedListUnderItsVariantAndAlgorithm() {
        RecommendationMetrics metrics = new RecommendationMetrics(this.meters);
        RecommendationList list = new RecommendationList("r1", "42", "home",
                new RecommendationList.ExperimentRef("exp", "treatment"),
                new RecommendationList.ModelRef("popularity", "2026-12-04T10-00-00Z"), false, List.of());

        metrics.served(list, 1_000_000);

        assertThat(this.meters.get("curio.inference.requests").tags("variant", "treatment", "algorithm", "popularity",
                "degraded", "false").counter().count()).isEqualTo(1.0);
    }

}
