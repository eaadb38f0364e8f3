package io.curio.abtest.canary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.curio.assignment.ModelCanary;

/**
 * A canary of a new model version as stored.
 *
 * @param id derived from the algorithm and version, {@code [a-z0-9-]{1,64}}
 * @param algorithm the algorithm whose serving version the candidate would replace
 * @param candidateVersion the new version
 * @param baselineVersion the version served when the canary began
 * @param steps the shares of users given the candidate, strictly increasing, ending at 100
 * @param stepDuration the least time a step lasts before the next
 * @param minImpressions impressions each arm needs before the guardrail judges it
 * @param status where the canary is
 * @param percent the share of users given the candidate now
 * @param stepStartedAt when the current step began
 * @param createdAt when the canary was created
 * @param finishedAt when it was promoted, rolled back or aborted, or {@code null}
 */
public record Canary(String id, String algorithm, String candidateVersion, String baselineVersion,
        List<Integer> steps, Duration stepDuration, int minImpressions, CanaryStatus status, int percent,
        Instant stepStartedAt, Instant createdAt, Instant finishedAt) {

    public Canary {
        steps = List.copyOf(steps);
    }

    /** The step after the current share; 100 at the last. */
    int nextStep() {
        return this.steps.stream().filter((step) -> step > this.percent).findFirst().orElse(100);
    }

    /** The canary as inference-service applies it. */
    ModelCanary serving() {
        return new ModelCanary(this.id, this.algorithm, this.candidateVersion, this.baselineVersion, this.percent);
    }

}
