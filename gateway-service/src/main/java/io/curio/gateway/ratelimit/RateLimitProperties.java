package io.curio.gateway.ratelimit;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import io.curio.gateway.identity.Plan;

/**
 * Per-plan token buckets, kept per user in Redis.
 *
 * @param free the limit of free users, also applied to everyone while Redis is unreachable
 * @param premium the limit of premium users
 * @param keyPrefix prefix of the Redis keys holding the buckets
 * @param redisTimeout how long a rate-limit decision may wait for Redis before the in-memory limiter answers
 */
@Validated
@ConfigurationProperties("curio.gateway.rate-limits")
public record RateLimitProperties(@NotNull PlanLimit free, @NotNull PlanLimit premium, @NotBlank String keyPrefix,
        @NotNull Duration redisTimeout) {

    public PlanLimit limitOf(Plan plan) {
        return switch (plan) {
            case FREE -> free;
            case PREMIUM -> premium;
        };
    }
}
