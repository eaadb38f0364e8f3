package io.curio.gateway.ratelimit;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import io.curio.gateway.identity.Plan;

/**
 * Per-plan token buckets and daily quotas, kept per user in Redis.
 *
 * @param free the limit of free users; its rate and burst also apply to everyone while Redis is unreachable
 * @param premium the limit of premium users
 * @param keyPrefix prefix of the Redis keys holding the buckets and daily counts
 * @param redisTimeout how long a rate-limit decision may wait for Redis before the in-memory limiter answers
 * @param redisBackoff after Redis failed to answer, how long every decision is made in memory without asking
 *     Redis, so that no request waits for a Redis that is known to be failing
 */
@Validated
@ConfigurationProperties(RateLimitProperties.PREFIX)
public record RateLimitProperties(@NotNull PlanLimit free, @NotNull PlanLimit premium, @NotBlank String keyPrefix,
        @NotNull Duration redisTimeout, @NotNull Duration redisBackoff) {

    static final String PREFIX = "curio.gateway.rate-limits";

    public RateLimitProperties {
        requirePositive("redis-timeout", redisTimeout);
        requirePositive("redis-backoff", redisBackoff);
    }

    public PlanLimit limitOf(Plan plan) {
        return switch (plan) {
            case FREE -> free;
            case PREMIUM -> premium;
        };
    }

    private static void requirePositive(String key, Duration value) {
        if (value != null && (value.isZero() || value.isNegative())) {
            throw new IllegalArgumentException(PREFIX + "." + key + " must be above 0, was " + value);
        }
    }
}
