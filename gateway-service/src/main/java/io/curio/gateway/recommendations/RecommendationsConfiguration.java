package io.curio.gateway.recommendations;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

import io.curio.gateway.problem.ProblemResponses;

/**
 * The cache, circuit breaker and fallback of {@code GET /v1/recommendations}. The breaker and time limit are the
 * Resilience4j instances named after the route, configured under {@code resilience4j.circuitbreaker} and
 * {@code resilience4j.timelimiter}.
 */
@Configuration(proxyBeanMethods = false)
class RecommendationsConfiguration {

    /** Large enough for a fallback list of a few hundred books with their titles and authors. */
    private static final int MAX_FALLBACK_LIST_BYTES = 4 * 1024 * 1024;

    @Bean
    RecommendationCache recommendationCache(RecommendationsProperties properties, MeterRegistry meters) {
        return new RecommendationCache(properties.cache(), meters, System::nanoTime);
    }

    /**
     * Loads through the gateway's own HTTP client, so that the first load at startup also opens the connection pool
     * and resolver the route uses, and the first routed list does not pay for them within its time limit.
     */
    @Bean
    FallbackListSource fallbackListSource(@Value("${curio.services.inference-url}") String inferenceUrl,
            HttpClient gatewayHttpClient, JsonMapper json, RecommendationsProperties properties) {
        WebClient inference = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(gatewayHttpClient))
                .baseUrl(inferenceUrl)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_FALLBACK_LIST_BYTES))
                .build();
        return new FallbackListSource(inference, json, properties.fallback());
    }

    @Bean
    RecommendationsFilter recommendationsFilter(RecommendationCache cache, FallbackListSource fallbacks,
            CircuitBreakerRegistry breakers, TimeLimiterRegistry timeLimiters, JsonMapper json,
            ProblemResponses problems, RecommendationsProperties properties, MeterRegistry meters) {
        return new RecommendationsFilter(cache, fallbacks, breakers.circuitBreaker(RecommendationsFilter.ROUTE_ID),
                timeLimiters.timeLimiter(RecommendationsFilter.ROUTE_ID), problems,
                new FallbackWriter(json, problems, properties.fallback()), meters);
    }

    @Bean
    EventEvictionFilter eventEvictionFilter(RecommendationCache cache) {
        return new EventEvictionFilter(cache);
    }
}
