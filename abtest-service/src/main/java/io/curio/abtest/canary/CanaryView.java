package io.curio.abtest.canary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A canary as the API shows it; the list leaves out the decisions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CanaryView(String id, String algorithm, String candidateVersion, String baselineVersion, String status,
        int percent, List<Integer> steps, Duration stepDuration, int minImpressions, Instant stepStartedAt,
        Instant createdAt, Instant finishedAt, List<CanaryDecision> decisions) {

    static CanaryView of(Canary canary, List<CanaryDecision> decisions) {
        return new CanaryView(canary.id(), canary.algorithm(), canary.candidateVersion(), canary.baselineVersion(),
                canary.status().wireName(), canary.percent(), canary.steps(), canary.stepDuration(),
                canary.minImpressions(), canary.stepStartedAt(), canary.createdAt(), canary.finishedAt(), decisions);
    }

}
