package io.curio.gateway.recommendations;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RecommendationsPropertiesTests {

    @Test
    void refusesANegativeCacheTtlAndAZeroTimeLimit() {
        RecommendationsProperties defaults = Defaults.properties();
        assertThatIllegalArgumentException().isThrownBy(() -> new RecommendationsProperties(Duration.ofSeconds(-1),
                10, defaults.timeLimit(), defaults.breaker(), defaults.fallback())).withMessageContaining("cache-ttl");
        assertThatIllegalArgumentException().isThrownBy(() -> new RecommendationsProperties(Duration.ZERO, 10,
                Duration.ZERO, defaults.breaker(), defaults.fallback())).withMessageContaining("time-limit");
    }
}
