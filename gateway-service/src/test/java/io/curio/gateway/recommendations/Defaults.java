package io.curio.gateway.recommendations;

import java.time.Duration;

/** The documented defaults of {@link RecommendationsProperties}. */
final class Defaults {

    private Defaults() {
    }

    static RecommendationsProperties properties() {
        return new RecommendationsProperties(Duration.ofSeconds(10), 10_000, Duration.ofMillis(800),
                new RecommendationsProperties.Breaker(50, 80, Duration.ofMillis(500), 20, 10, Duration.ofSeconds(10),
                        3),
                new RecommendationsProperties.Fallback(Duration.ofSeconds(60), 100, Duration.ofSeconds(2)));
    }
}
