package io.curio.abtest.canary;

import java.time.Instant;

/**
 * One decision about a canary, as stored and shown.
 *
 * @param action what it did: {@code create}, {@code advance}, {@code hold}, {@code rollback}, {@code promote},
 * {@code activated} or {@code abort}
 * @param actor the operator ({@code X-User-Id}) or {@code guardrail}
 * @param occurredAt when
 * @param percentFrom the candidate's share before
 * @param percentTo the candidate's share after
 * @param candidateImpressions the candidate arm's impressions since the canary began, or {@code null}
 * @param candidateCtr its click-through rate, or {@code null}
 * @param baselineImpressions the baseline arm's impressions since the canary began, or {@code null}
 * @param baselineCtr its click-through rate, or {@code null}
 * @param pValue the one-sided p-value of "the candidate's CTR is lower", or {@code null}
 * @param reason why
 */
public record CanaryDecision(String action, String actor, Instant occurredAt, int percentFrom, int percentTo,
        Long candidateImpressions, Double candidateCtr, Long baselineImpressions, Double baselineCtr, Double pValue,
        String reason) {
}
