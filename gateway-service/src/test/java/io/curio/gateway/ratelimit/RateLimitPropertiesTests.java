package io.curio.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

class RateLimitPropertiesTests {

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

    private static RateLimitProperties limitsWithKeyPrefix(String keyPrefix) {
        return new RateLimitProperties(new PlanLimit(5, 10, null), new PlanLimit(50, 100, null), keyPrefix,
                Duration.ofSeconds(1), Duration.ofSeconds(5));
    }
}
