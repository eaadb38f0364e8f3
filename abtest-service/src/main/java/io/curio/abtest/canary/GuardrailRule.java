package io.curio.abtest.canary;

import java.time.Instant;
import java.util.Locale;

import io.curio.abtest.results.Statistics;

/**
 * The guardrail of a canary, as a pure function of the canary, its evidence, the time and the significance
 * level.
 * <ol>
 * <li>When both arms have at least {@code minImpressions} since the canary began and the candidate's CTR is
 * significantly lower (one-sided pooled two-proportion z-test, p &lt; alpha): roll back to 0 %.</li>
 * <li>Otherwise, when the step has lasted {@code stepDuration} and both arms have at least
 * {@code minImpressions} since it began: the next step, where reaching 100 % is the promotion.</li>
 * <li>Otherwise hold, saying what is missing.</li>
 * </ol>
 */
final class GuardrailRule {

    private GuardrailRule() {
    }

    static CanaryVerdict decide(Canary canary, CanaryEvidence evidence, Instant now, double alpha) {
        Double pValue = pValue(evidence);
        if (evidence.bothAtLeast(canary.minImpressions()) && pValue != null && pValue < alpha) {
            return new CanaryVerdict(CanaryAction.ROLLBACK, 0, pValue, worse(evidence, pValue, alpha));
        }
        Instant stepEnds = canary.stepStartedAt().plus(canary.stepDuration());
        if (now.isBefore(stepEnds)) {
            return new CanaryVerdict(CanaryAction.HOLD, canary.percent(), pValue,
                    "the step at " + canary.percent() + " % lasts until " + stepEnds);
        }
        if (!evidence.bothInStepAtLeast(canary.minImpressions())) {
            return new CanaryVerdict(CanaryAction.HOLD, canary.percent(), pValue, "an arm has fewer than "
                    + canary.minImpressions() + " impressions since the step at " + canary.percent() + " % began");
        }
        int next = canary.nextStep();
        if (next == 100) {
            return new CanaryVerdict(CanaryAction.PROMOTE, 100, pValue,
                    "every step held; activating " + canary.candidateVersion() + " on inference-service");
        }
        return new CanaryVerdict(CanaryAction.ADVANCE, next, pValue,
                "the step at " + canary.percent() + " % held for " + canary.stepDuration());
    }

    private static Double pValue(CanaryEvidence evidence) {
        double p = Statistics.lowerProportionPValue(evidence.candidate().clicked(),
                evidence.candidate().impressions(), evidence.baseline().clicked(), evidence.baseline().impressions());
        return Double.isNaN(p) ? null : p;
    }

    private static String worse(CanaryEvidence evidence, double pValue, double alpha) {
        return String.format(Locale.ROOT, "candidate CTR %.4f is significantly below baseline CTR %.4f (p = %.4g < %s)",
                evidence.candidate().ctr(), evidence.baseline().ctr(), pValue, alpha);
    }

}
