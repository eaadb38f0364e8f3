package io.curio.gateway.recommendations;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Shows the recommendations circuit breaker in health, always UP: an open breaker means lists come from the
 * fallback, which the gateway still serves, so it must not take the gateway out of service.
 */
class BreakerHealthIndicator implements HealthIndicator {

    private final CircuitBreaker breaker;

    BreakerHealthIndicator(CircuitBreaker breaker) {
        this.breaker = breaker;
    }

    @Override
    public Health health() {
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        return Health.up()
                .withDetail("state", breaker.getState().name())
                .withDetail("failureRate", metrics.getFailureRate())
                .withDetail("slowCallRate", metrics.getSlowCallRate())
                .withDetail("bufferedCalls", metrics.getNumberOfBufferedCalls())
                .build();
    }
}
