package io.curio.inference.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A decision about one stored version of a model: whether it is served, and why.
 *
 * @param outcome what was decided
 * @param reason the evidence, such as {@code recall@20 0.31 < 0.35 - 0.01 (serving 2026-12-04T10-00-00Z)}
 * @param decidedAt when it was decided
 */
public record Promotion(Outcome outcome, String reason, Instant decidedAt) {

    public boolean isPromoted() {
        return this.outcome == Outcome.PROMOTED;
    }

    /** Whether a rollback may return to the version: it was not refused by the gate, held or rolled back. */
    public boolean allowsRollbackTo() {
        return this.outcome != Outcome.REJECTED && this.outcome != Outcome.ROLLED_BACK && this.outcome != Outcome.HELD;
    }

    /** What can be decided about a version. */
    public enum Outcome {

        /** Passed the promotion gate and became the served version. */
        @JsonProperty("promoted")
        PROMOTED("promoted"),

        /** Worse than the served version by more than the tolerance, or its artifact does not load. */
        @JsonProperty("rejected")
        REJECTED("rejected"),

        /** Served because an operator activated it. */
        @JsonProperty("forced")
        FORCED("forced"),

        /** Stored without being offered to the gate, for a canary to roll out; never served by a rollback. */
        @JsonProperty("held")
        HELD("held"),

        /** Withdrawn by a rollback. */
        @JsonProperty("rolled-back")
        ROLLED_BACK("rolled-back"),

        /** Served again by a rollback. */
        @JsonProperty("rolled-back-to")
        ROLLED_BACK_TO("rolled-back-to");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** The outcome as it appears in {@code serving.json} and in metric tags. */
        public String label() {
            return this.label;
        }

    }

}
