package io.curio.gateway.recommendations;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The response cache, time limit, circuit breaker and fallback list of {@code GET /v1/recommendations}.
 *
 * @param cacheTtl how long an answer is re-displayed to the same user for the same parameters; zero disables
 * @param cacheMaxEntries how many answers the cache holds at most
 * @param timeLimit longest wait for inference-service before the fallback list answers
 * @param breaker when the circuit breaker opens
 * @param fallback where the fallback list comes from and how often it is fetched
 */
@Validated
@ConfigurationProperties("curio.gateway.recommendations")
public record RecommendationsProperties(@NotNull @DefaultValue("10s") Duration cacheTtl,
        @Min(1) @DefaultValue("10000") long cacheMaxEntries, @NotNull @DefaultValue("800ms") Duration timeLimit,
        @NotNull @Valid @DefaultValue Breaker breaker, @NotNull @Valid @DefaultValue Fallback fallback) {

    public RecommendationsProperties {
        requireNotNegative("cache-ttl", cacheTtl);
        requirePositive("time-limit", timeLimit);
    }

    /**
     * A count-based sliding window of the latest calls; the breaker opens when either rate reaches its threshold.
     *
     * @param failureRate percentage of failed calls (errors, 5xx, timeouts) that opens the breaker
     * @param slowCallRate percentage of slow calls that opens the breaker
     * @param slowCall how long a call takes to count as slow
     * @param window how many of the latest calls are counted
     * @param minimumCalls how many calls the window needs before a rate is computed
     * @param openFor how long the breaker stays open before letting trial calls through
     * @param halfOpenCalls how many trial calls decide whether it closes again
     */
    public record Breaker(@Min(1) @Max(100) @DefaultValue("50") int failureRate,
            @Min(1) @Max(100) @DefaultValue("80") int slowCallRate, @NotNull @DefaultValue("500ms") Duration slowCall,
            @Min(1) @DefaultValue("20") int window, @Min(1) @DefaultValue("10") int minimumCalls,
            @NotNull @DefaultValue("10s") Duration openFor, @Min(1) @DefaultValue("3") int halfOpenCalls) {

        public Breaker {
            requirePositive("breaker.slow-call", slowCall);
            requirePositive("breaker.open-for", openFor);
        }
    }

    /**
     * @param refresh how often the list is fetched from inference-service (the first fetch is at startup)
     * @param size how many books the gateway keeps, the most any fallback answer can hold
     * @param timeout longest wait for one fetch
     */
    public record Fallback(@NotNull @DefaultValue("60s") Duration refresh,
            @Min(1) @Max(500) @DefaultValue("100") int size, @NotNull @DefaultValue("2s") Duration timeout) {

        public Fallback {
            requirePositive("fallback.refresh", refresh);
            requirePositive("fallback.timeout", timeout);
        }
    }

    private static void requireNotNegative(String name, Duration value) {
        if (value != null && value.isNegative()) {
            throw new IllegalArgumentException("curio.gateway.recommendations." + name + " must not be negative");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("curio.gateway.recommendations." + name + " must be above zero");
        }
    }
}
