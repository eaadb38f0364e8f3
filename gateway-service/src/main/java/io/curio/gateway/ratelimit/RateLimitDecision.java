package io.curio.gateway.ratelimit;

/**
 * The answer for one request.
 *
 * @param allowed whether the request may pass
 * @param remaining whole tokens left in the bucket after this request
 * @param retryAfterSeconds when refused, seconds until a token is available; otherwise 0
 */
public record RateLimitDecision(boolean allowed, long remaining, long retryAfterSeconds) {

    static RateLimitDecision allowed(long remaining) {
        return new RateLimitDecision(true, remaining, 0);
    }

    static RateLimitDecision refused(long retryAfterSeconds) {
        return new RateLimitDecision(false, 0, Math.max(1, retryAfterSeconds));
    }
}
