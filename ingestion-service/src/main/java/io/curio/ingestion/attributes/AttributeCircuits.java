package io.curio.ingestion.attributes;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * One circuit breaker per entity, counting whole polls: {@code failed-polls} failed or refused polls
 * in a row open it; while open, polls are skipped without calling the endpoint; after
 * {@code open-for} one trial poll is let through, which closes it again or reopens it. The state is
 * the gauge {@code curio.ingestion.attributes.circuit.state}: 0 closed, 1 half-open, 2 open.
 */
@Component
class AttributeCircuits {

    private final Map<AttributeEntity, CircuitBreaker> breakers = new EnumMap<>(AttributeEntity.class);

    AttributeCircuits(AttributeSettings settings, Clock clock, MeterRegistry meters) {
        CircuitBreakerConfig config = config(settings.circuit(), clock);
        for (AttributeEntity entity : AttributeEntity.values()) {
            CircuitBreaker breaker = CircuitBreaker.of("attributes-" + entity.entityName(), config);
            this.breakers.put(entity, breaker);
            Gauge.builder("curio.ingestion.attributes.circuit.state", breaker, AttributeCircuits::level)
                .tag("entity", entity.entityName())
                .description("Circuit of the attribute endpoint: 0 closed, 1 half-open, 2 open")
                .register(meters);
        }
    }

    CircuitBreaker of(AttributeEntity entity) {
        return this.breakers.get(entity);
    }

    /** The state of an entity's circuit in lower case, e.g. {@code closed}, {@code open}, {@code half_open}. */
    String state(AttributeEntity entity) {
        return this.breakers.get(entity).getState().name().toLowerCase(Locale.ROOT);
    }

    private static CircuitBreakerConfig config(AttributeSettings.Circuit circuit, Clock clock) {
        return CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(circuit.failedPolls())
            .minimumNumberOfCalls(circuit.failedPolls())
            .failureRateThreshold(100)
            .waitDurationInOpenState(circuit.openFor())
            .permittedNumberOfCallsInHalfOpenState(1)
            .clock(clock)
            .build();
    }

    private static double level(CircuitBreaker breaker) {
        return switch (breaker.getState()) {
            case CLOSED, DISABLED, METRICS_ONLY -> 0;
            case HALF_OPEN -> 1;
            case OPEN, FORCED_OPEN -> 2;
        };
    }

}
