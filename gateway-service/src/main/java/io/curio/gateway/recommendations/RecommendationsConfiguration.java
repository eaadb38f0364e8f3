package io.curio.gateway.recommendations;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

import io.curio.gateway.problem.ProblemResponses;

/**
 * The cache, breaker, time limit and fallback list of the recommendations route, and the cache eviction of the
 * events route.
 */
@Configuration(proxyBeanMethods = false)
class RecommendationsConfiguration {

    static final String BREAKER_NAME = "recommendations";

    @Bean
    ResponseCache recommendationsCache(RecommendationsProperties properties, MeterRegistry meters) {
        return new ResponseCache(properties, meters);
    }

    @Bean
    CircuitBreaker recommendationsBreaker(RecommendationsProperties properties, MeterRegistry meters) {
        RecommendationsProperties.Breaker settings = properties.breaker();
        CircuitBreaker breaker = CircuitBreaker.of(BREAKER_NAME, CircuitBreakerConfig.custom()
                .slidingWindowType(SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.window())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRate())
                .slowCallRateThreshold(settings.slowCallRate())
                .slowCallDurationThreshold(settings.slowCall())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                .build());
        Gauge.builder("curio.gateway.breaker.state", breaker, known -> known.getState().getOrder())
                .description("State of the circuit breaker: 0 closed, 1 open, 2 half-open")
                .tag("name", BREAKER_NAME)
                .register(meters);
        return breaker;
    }

    @Bean
    TimeLimiter recommendationsTimeLimiter(RecommendationsProperties properties) {
        return TimeLimiter.of(BREAKER_NAME, TimeLimiterConfig.custom()
                .timeoutDuration(properties.timeLimit())
                .cancelRunningFuture(true)
                .build());
    }

    @Bean(destroyMethod = "stop")
    FallbackListSource fallbackListSource(RecommendationsProperties properties,
            @Value("${curio.services.inference-url}") String inferenceUrl) {
        return new FallbackListSource(WebClient.builder().baseUrl(inferenceUrl).build(), properties.fallback());
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> fallbackListStart(FallbackListSource source) {
        return ready -> source.start();
    }

    @Bean
    RecommendationsFilter recommendationsFilter(ResponseCache cache, CircuitBreaker breaker, TimeLimiter limiter,
            FallbackListSource source, ProblemResponses problems, JsonMapper jsonMapper, MeterRegistry meters) {
        JsonResponses json = new JsonResponses(jsonMapper);
        return new RecommendationsFilter(cache, breaker, limiter,
                new FallbackAnswers(source, json, problems, meters), json);
    }

    @Bean
    EventEvictionFilter eventEvictionFilter(ResponseCache cache) {
        return new EventEvictionFilter(cache);
    }

    @Bean
    BreakerHealthIndicator recommendationsBreakerHealthIndicator(CircuitBreaker breaker) {
        return new BreakerHealthIndicator(breaker);
    }
}
