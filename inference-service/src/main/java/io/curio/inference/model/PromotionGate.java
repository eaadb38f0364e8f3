package io.curio.inference.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

import io.curio.inference.model.Promotion.Outcome;

/**
 * Decides whether a newly trained version replaces the served one: it does unless, for a compared metric both
 * versions have, it is worse than the served version by more than the tolerance. A candidate without metrics,
 * or with no version served, is promoted.
 */
public class PromotionGate {

    /** Slack for the rounding of decimal metrics, so that a difference of exactly the tolerance passes. */
    private static final double SLACK = 1e-9;

    private final double tolerance;

    private final List<String> metrics;

    public PromotionGate(PromotionProperties properties) {
        this.tolerance = properties.tolerance();
        this.metrics = properties.metrics();
    }

    /**
     * Decides about a candidate.
     *
     * @param candidate the new version's metadata
     * @param served the served version's metadata, or {@code null} when none is served
     * @param now the time of the decision
     */
    public Promotion decide(ModelMetadata candidate, ModelMetadata served, Instant now) {
        if (served == null) {
            return new Promotion(Outcome.PROMOTED, "no version was served", now);
        }
        if (candidate.metrics().isEmpty()) {
            return new Promotion(Outcome.PROMOTED, "the candidate has no offline metrics", now);
        }
        List<String> shared = this.metrics.stream()
            .filter((metric) -> candidate.metrics().containsKey(metric) && served.metrics().containsKey(metric))
            .toList();
        if (shared.isEmpty()) {
            return new Promotion(Outcome.PROMOTED, "no compared metric in common with " + served.version(), now);
        }
        List<String> worse = shared.stream()
            .filter((metric) -> served.metrics().get(metric) - candidate.metrics().get(metric) > this.tolerance + SLACK)
            .map((metric) -> comparison(metric, candidate, served, " < ") + " - " + decimal(this.tolerance))
            .toList();
        String against = " (serving " + served.version() + ")";
        if (!worse.isEmpty()) {
            return new Promotion(Outcome.REJECTED, String.join("; ", worse) + against, now);
        }
        List<String> compared = shared.stream()
            .map((metric) -> comparison(metric, candidate, served, " vs "))
            .toList();
        return new Promotion(Outcome.PROMOTED, String.join("; ", compared) + against, now);
    }

    private static String comparison(String metric, ModelMetadata candidate, ModelMetadata served, String operator) {
        return metric + " " + decimal(candidate.metrics().get(metric)) + operator
                + decimal(served.metrics().get(metric));
    }

    private static String decimal(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

}
