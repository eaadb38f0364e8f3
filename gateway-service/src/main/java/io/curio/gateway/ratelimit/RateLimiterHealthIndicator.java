package io.curio.gateway.ratelimit;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports, as the {@code rateLimiter} health contributor, whether Redis answers rate-limit decisions and where
 * they are made. Always UP: limiting in memory is a documented degraded mode, and taking the gateway out of the
 * load balancer because Redis is down would refuse every caller instead of limiting them less precisely. Reads
 * only the limiter's state and never calls Redis, so a health check cannot be held up by it.
 */
@Component
class RateLimiterHealthIndicator implements HealthIndicator {

    private final PlanRateLimiter limiter;

    RateLimiterHealthIndicator(PlanRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Health health() {
        boolean redis = limiter.redisAvailable();
        return Health.up()
                .withDetail("redis", redis ? "up" : "down")
                .withDetail("mode", redis ? "redis" : "in-memory")
                .build();
    }
}
