package io.curio.abtest.canary;

/**
 * What the guardrail decided about a canary at one check.
 *
 * @param action advance, hold, rollback or promote
 * @param percentTo the candidate's share after the decision
 * @param pValue the one-sided p-value of "the candidate's CTR is lower" since the canary began, or {@code null}
 * where the test says nothing
 * @param reason why, for operators
 */
public record CanaryVerdict(CanaryAction action, int percentTo, Double pValue, String reason) {
}
