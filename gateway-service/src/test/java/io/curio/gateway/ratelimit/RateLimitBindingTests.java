package io.curio.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The rate-limit keys as the gateway binds them at startup: invalid values stop it with a message naming the key
 * and the value.
 */
class RateLimitBindingTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Bound.class)
            .withPropertyValues("curio.gateway.rate-limits.key-prefix=curio:test:",
                    "curio.gateway.rate-limits.redis-timeout=1s",
                    "curio.gateway.rate-limits.redis-backoff=5s",
                    "curio.gateway.rate-limits.free.rate=5",
                    "curio.gateway.rate-limits.free.burst=10",
                    "curio.gateway.rate-limits.free.daily-quota=2000",
                    "curio.gateway.rate-limits.premium.rate=50",
                    "curio.gateway.rate-limits.premium.burst=100");

    @Test
    void bindsTheDefaultsWithAQuotaForFreeOnly() {
        runner.run(context -> {
            // then
            RateLimitProperties limits = context.getBean(RateLimitProperties.class);
            assertThat(limits.free()).isEqualTo(new PlanLimit(5, 10, 2000L));
            assertThat(limits.premium()).isEqualTo(new PlanLimit(50, 100, null));
            assertThat(limits.redisBackoff()).isEqualTo(Duration.ofSeconds(5));
        });
    }

    @Test
    void refusesBurstBelowRateNamingKeyAndValue() {
        assertStartupFails("curio.gateway.rate-limits.free.burst=3", "curio.gateway.rate-limits.free",
                "burst must be at least rate (5.0), was 3");
    }

    @Test
    void refusesZeroRate() {
        assertStartupFails("curio.gateway.rate-limits.premium.rate=0", "curio.gateway.rate-limits.premium",
                "rate must be above 0, was 0.0");
    }

    @Test
    void refusesNegativeBurst() {
        assertStartupFails("curio.gateway.rate-limits.premium.burst=-1", "curio.gateway.rate-limits.premium",
                "burst must be above 0, was -1");
    }

    @Test
    void refusesZeroDailyQuota() {
        assertStartupFails("curio.gateway.rate-limits.free.daily-quota=0", "curio.gateway.rate-limits.free",
                "daily-quota must be above 0, or left out for no quota, was 0");
    }

    @Test
    void refusesZeroBackoff() {
        assertStartupFails("curio.gateway.rate-limits.redis-backoff=0s", "curio.gateway.rate-limits",
                "curio.gateway.rate-limits.redis-backoff must be above 0, was PT0S");
    }

    @Test
    void refusesNegativeRedisTimeout() {
        assertStartupFails("curio.gateway.rate-limits.redis-timeout=-1s", "curio.gateway.rate-limits",
                "curio.gateway.rate-limits.redis-timeout must be above 0, was PT-1S");
    }

    private void assertStartupFails(String property, String boundKey, String reason) {
        // when
        runner.withPropertyValues(property).run(context -> {
            // then
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("Failed to bind properties under '" + boundKey)
                    .rootCause().hasMessage(reason);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RateLimitProperties.class)
    static class Bound {
    }
}
