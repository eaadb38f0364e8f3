package io.curio.abtest.canary;

/**
 * What the guardrail judges a canary on: each arm's counts since the canary began and since its step began.
 *
 * @param candidate the candidate arm since the canary began
 * @param baseline the baseline arm since the canary began
 * @param candidateInStep the candidate arm since the current step began
 * @param baselineInStep the baseline arm since the current step began
 */
public record CanaryEvidence(ArmCounts candidate, ArmCounts baseline, ArmCounts candidateInStep,
        ArmCounts baselineInStep) {

    boolean bothAtLeast(long impressions) {
        return this.candidate.impressions() >= impressions && this.baseline.impressions() >= impressions;
    }

    boolean bothInStepAtLeast(long impressions) {
        return this.candidateInStep.impressions() >= impressions
                && this.baselineInStep.impressions() >= impressions;
    }

}
