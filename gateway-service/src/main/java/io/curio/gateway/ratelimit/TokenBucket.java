package io.curio.gateway.ratelimit;

/**
 * The token-bucket arithmetic, the same as {@code token-bucket.lua} runs in Redis: refill by the time elapsed,
 * cap at the burst, take one token if a whole one is there.
 *
 * @param tokens tokens in the bucket, fractional
 * @param updatedMicros when {@code tokens} was computed, in microseconds since the epoch
 */
record TokenBucket(double tokens, long updatedMicros) {

    static TokenBucket full(PlanLimit limit, long nowMicros) {
        return new TokenBucket(limit.burst(), nowMicros);
    }

    Taken take(PlanLimit limit, long nowMicros) {
        TokenBucket current = refilled(limit, nowMicros);
        if (current.tokens >= 1) {
            TokenBucket next = new TokenBucket(current.tokens - 1, current.updatedMicros);
            return new Taken(next, RateLimitDecision.allowed((long) Math.floor(next.tokens)));
        }
        long retryAfter = (long) Math.ceil((1 - current.tokens) / limit.rate());
        return new Taken(current, RateLimitDecision.refused(retryAfter, LimitHit.BURST));
    }

    boolean isFullAt(PlanLimit limit, long nowMicros) {
        return refilled(limit, nowMicros).tokens >= limit.burst();
    }

    private TokenBucket refilled(PlanLimit limit, long nowMicros) {
        long elapsed = Math.max(0, nowMicros - updatedMicros);
        double refilled = Math.min(limit.burst(), tokens + elapsed * limit.rate() / 1_000_000d);
        return new TokenBucket(refilled, Math.max(nowMicros, updatedMicros));
    }

    /** The bucket after a request, and the decision for that request. */
    record Taken(TokenBucket bucket, RateLimitDecision decision) {
    }
}
