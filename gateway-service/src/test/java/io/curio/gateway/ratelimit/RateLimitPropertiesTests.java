package io.curio.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RateLimitPropertiesTests {

    private static final String PREFIX = "curio.gateway.rate-limits";

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void acceptsPerStackKeyPrefix() {
        assertThat(validator.validate(limitsWithKeyPrefix("curio:stack-8180:ratelimit:"))).isEmpty();
    }

    @Test
    void rejectsBlankKeyPrefix() {
        assertThat(validator.validate(limitsWithKeyPrefix(" ")))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsExactly("keyPrefix");
    }

    @Test
    void bindsAFreeDailyQuotaAndNoneForPremium() {
        // when
        RateLimitProperties limits = bind(Map.of("free.daily-quota", "2000"));

        // then
        assertThat(limits.free().dailyQuota()).isEqualTo(2_000);
        assertThat(limits.premium().dailyQuota()).isNull();
    }

    @Test
    void refusesToStartWithADailyQuotaBelowTheBurst() {
        assertThatExceptionOfType(BindException.class)
                .isThrownBy(() -> bind(Map.of("free.daily-quota", "5")))
                .withMessageContaining(PREFIX + ".free")
                .havingRootCause()
                .withMessageContaining("daily-quota must be at least burst (10)");
    }

    @Test
    void refusesToStartWithANegativeRate() {
        assertThatExceptionOfType(BindException.class)
                .isThrownBy(() -> bind(Map.of("premium.rate", "-1")))
                .havingRootCause()
                .withMessageContaining("rate must be above 0, was -1.0");
    }

    private static RateLimitProperties bind(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(Map.of("free.rate", "5", "free.burst", "10",
                "premium.rate", "50", "premium.burst", "100", "key-prefix", "curio:", "redis-timeout", "1s"));
        properties.putAll(overrides);
        Map<String, String> prefixed = new HashMap<>();
        properties.forEach((key, value) -> prefixed.put(PREFIX + "." + key, value));
        return new Binder(new MapConfigurationPropertySource(prefixed)).bindOrCreate(PREFIX, RateLimitProperties.class);
    }

    private static RateLimitProperties limitsWithKeyPrefix(String keyPrefix) {
        return new RateLimitProperties(new PlanLimit(5, 10, null), new PlanLimit(50, 100, null), keyPrefix,
                Duration.ofSeconds(1));
    }
}
