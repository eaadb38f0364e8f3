package io.curio.inference.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.curio.inference.model.Promotion.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromotionGateTests {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private static final String SERVED = "2026-12-04T10-00-00Z";

    private final PromotionGate gate = new PromotionGate(PromotionProperties.defaults());

    @Test
    void promotesTheFirstVersion() {
        Promotion promotion = this.gate.decide(candidate(Map.of("recall@20", 0.1)), null, NOW);

        assertThat(promotion.outcome()).isEqualTo(Outcome.PROMOTED);
        assertThat(promotion.reason()).isEqualTo("no version was served");
        assertThat(promotion.decidedAt()).isEqualTo(NOW);
    }

    @Test
    void promotesACandidateWithoutMetrics() {
        Promotion promotion = this.gate.decide(candidate(Map.of()), served(Map.of("recall@20", 0.35)), NOW);

        assertThat(promotion.outcome()).isEqualTo(Outcome.PROMOTED);
        assertThat(promotion.reason()).isEqualTo("the candidate has no offline metrics");
    }

    @Test
    void promotesACandidateWorseByExactlyTheTolerance() {
        Promotion promotion = this.gate.decide(candidate(Map.of("recall@20", 0.34, "ndcg@20", 0.19)),
                served(Map.of("recall@20", 0.35, "ndcg@20", 0.2)), NOW);

        assertThat(promotion.outcome()).isEqualTo(Outcome.PROMOTED);
        assertThat(promotion.reason())
            .isEqualTo("recall@20 0.34 vs 0.35; ndcg@20 0.19 vs 0.2 (serving 2026-12-04T10-00-00Z)");
    }

    @Test
    void rejectsACandidateWorseByMoreThanTheTolerance() {
        Promotion promotion = this.gate.decide(candidate(Map.of("recall@20", 0.3399, "ndcg@20", 0.25)),
                served(Map.of("recall@20", 0.35, "ndcg@20", 0.2)), NOW);

        assertThat(promotion.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(promotion.reason()).isEqualTo("recall@20 0.3399 < 0.35 - 0.01 (serving 2026-12-04T10-00-00Z)");
    }

    @Test
    void namesEveryMetricThatIsWorse() {
        Promotion promotion = this.gate.decide(candidate(Map.of("recall@20", 0.31, "ndcg@20", 0.1)),
                served(Map.of("recall@20", 0.35, "ndcg@20", 0.2)), NOW);

        assertThat(promotion.reason())
            .isEqualTo("recall@20 0.31 < 0.35 - 0.01; ndcg@20 0.1 < 0.2 - 0.01 (serving 2026-12-04T10-00-00Z)");
    }

    @Test
    void promotesABetterCandidate() {
        Promotion promotion = this.gate.decide(candidate(Map.of("recall@20", 0.4)),
                served(Map.of("recall@20", 0.35)), NOW);

        assertThat(promotion.outcome()).isEqualTo(Outcome.PROMOTED);
    }

    @Test
    void ignoresMetricsThatAreNotComparedOrThatOnlyOneVersionHas() {
        Promotion promotion = this.gate.decide(candidate(Map.of("recall@20", 0.35, "recall@50", 0.01)),
                served(Map.of("recall@20", 0.35, "recall@50", 0.6, "ndcg@20", 0.9)), NOW);

        assertThat(promotion.outcome()).isEqualTo(Outcome.PROMOTED);
        assertThat(promotion.reason()).isEqualTo("recall@20 0.35 vs 0.35 (serving 2026-12-04T10-00-00Z)");
    }

    @Test
    void promotesWhenNoComparedMetricIsShared() {
        Promotion promotion = this.gate.decide(candidate(Map.of("ndcg@100", 0.1)), served(Map.of()), NOW);

        assertThat(promotion.outcome()).isEqualTo(Outcome.PROMOTED);
        assertThat(promotion.reason()).isEqualTo("no compared metric in common with 2026-12-04T10-00-00Z");
    }

    @Test
    void appliesTheConfiguredMetricsAndTolerance() {
        PromotionGate strict = new PromotionGate(new PromotionProperties(0, List.of("coverage@20")));

        Promotion equal = strict.decide(candidate(Map.of("coverage@20", 0.5, "recall@20", 0.0)),
                served(Map.of("coverage@20", 0.5, "recall@20", 0.9)), NOW);
        Promotion lower = strict.decide(candidate(Map.of("coverage@20", 0.4999)), served(Map.of("coverage@20", 0.5)),
                NOW);

        assertThat(equal.outcome()).isEqualTo(Outcome.PROMOTED);
        assertThat(lower.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(lower.reason()).isEqualTo("coverage@20 0.4999 < 0.5 - 0 (serving 2026-12-04T10-00-00Z)");
    }

    private static ModelMetadata candidate(Map<String, Double> metrics) {
        return Models.metadata(Algorithm.ITEM_NEIGHBOURS, "2026-12-04T11-00-00Z").withMetrics(metrics);
    }

    private static ModelMetadata served(Map<String, Double> metrics) {
        return Models.metadata(Algorithm.ITEM_NEIGHBOURS, SERVED).withMetrics(metrics);
    }

}
