package io.curio.gateway.ratelimit;

/**
 * The answer for one request.
 *
 * @param allowed whether the request may pass
 * @param remaining requests the user may still make right now: the smaller of whole tokens left in the bucket and
 *     requests left in the day's quota; 0 when refused
 * @param retryAfterSeconds when refused, seconds until the limit that refused lets a request through; otherwise 0
 * @param limitHit which limit refused the request, {@link LimitHit#NONE} when allowed
 */
public record RateLimitDecision(boolean allowed, long remaining, long retryAfterSeconds, LimitHit limitHit) {

    static RateLimitDecision allowed(long remaining) {
        return new RateLimitDecision(true, remaining, 0, LimitHit.NONE);
    }

    static RateLimitDecision refused(long retryAfterSeconds, LimitHit limitHit) {
        return new RateLimitDecision(false, 0, Math.max(1, retryAfterSeconds), limitHit);
    }
}
