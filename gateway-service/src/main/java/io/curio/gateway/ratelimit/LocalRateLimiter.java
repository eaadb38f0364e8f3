package io.curio.gateway.ratelimit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Token buckets in this instance's memory, for when Redis cannot answer. Each instance limits on its own, so
 * the effective limit across instances is higher; it is a fallback, not a replacement.
 */
class LocalRateLimiter {

    static final int MAX_BUCKETS = 100_000;

    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    private final Clock clock;

    LocalRateLimiter(Clock clock) {
        this.clock = clock;
    }

    RateLimitDecision take(String userId, PlanLimit limit) {
        long now = nowMicros();
        forgetFullBucketsWhenCrowded(limit, now);
        RateLimitDecision[] decision = new RateLimitDecision[1];
        buckets.compute(userId, (key, bucket) -> {
            TokenBucket.Taken taken = (bucket == null ? TokenBucket.full(limit, now) : bucket).take(limit, now);
            decision[0] = taken.decision();
            return taken.bucket();
        });
        return decision[0];
    }

    int size() {
        return buckets.size();
    }

    private void forgetFullBucketsWhenCrowded(PlanLimit limit, long now) {
        if (buckets.size() >= MAX_BUCKETS) {
            buckets.values().removeIf(bucket -> bucket.isFullAt(limit, now));
        }
    }

    private long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
    }
}
