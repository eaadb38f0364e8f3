package io.curio.gateway.recommendations;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The response cache and the non-personalized fallback of {@code GET /v1/recommendations}. The circuit breaker and
 * time limit are Resilience4j's instance {@code recommendations}, configured under {@code resilience4j.*}.
 *
 * @param cache how long and how many lists are kept per instance
 * @param fallback where the fallback list comes from and how often it is refreshed
 */
@Validated
@ConfigurationProperties("curio.gateway.recommendations")
public record RecommendationsProperties(@NotNull @Valid Cache cache, @NotNull @Valid Fallback fallback) {

    /**
     * @param ttl how long a list is served from the cache after it was computed; above zero
     * @param maxEntries most lists kept per instance; above zero
     * @param afterEvent how long after a user's accepted event their lists are not cached, because the event
     *     reaches inference-service's view of the reader only about a second later; zero or more
     */
    public record Cache(@NotNull Duration ttl, long maxEntries, @NotNull Duration afterEvent) {

        public Cache {
            requirePositive("curio.gateway.recommendations.cache.ttl", ttl);
            if (afterEvent == null || afterEvent.isNegative()) {
                throw new IllegalArgumentException(
                        "curio.gateway.recommendations.cache.after-event must be zero or more, was " + afterEvent);
            }
            if (maxEntries <= 0) {
                throw new IllegalArgumentException(
                        "curio.gateway.recommendations.cache.max-entries must be above zero, was " + maxEntries);
            }
        }
    }

    /**
     * @param path the inference-service path answering the fallback list, below {@code curio.services.inference-url}
     * @param refresh how often a loaded list is refreshed
     * @param retry how soon a failed load is tried again while no list has been loaded yet
     * @param timeout longest wait for one load
     * @param retryAfter the {@code Retry-After} sent with a 503 when no list has ever been loaded
     */
    public record Fallback(@NotNull String path, @NotNull Duration refresh, @NotNull Duration retry,
            @NotNull Duration timeout, @NotNull Duration retryAfter) {

        public Fallback {
            requirePositive("curio.gateway.recommendations.fallback.refresh", refresh);
            requirePositive("curio.gateway.recommendations.fallback.retry", retry);
            requirePositive("curio.gateway.recommendations.fallback.timeout", timeout);
            requirePositive("curio.gateway.recommendations.fallback.retry-after", retryAfter);
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException(
                        "curio.gateway.recommendations.fallback.path must start with '/', was '" + path + "'");
            }
        }
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be above zero, was " + value);
        }
    }
}
