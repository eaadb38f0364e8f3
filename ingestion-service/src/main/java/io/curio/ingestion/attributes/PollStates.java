package io.curio.ingestion.attributes;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@link PollState} of every entity, restored at startup from the last good poll recorded in
 * {@code attribute_polls}, with the gauge {@code curio.ingestion.attributes.snapshot.age} per entity.
 */
@Component
class PollStates {

    private static final String LAST_GOOD = """
            SELECT polled_at, items, snapshot_key FROM attribute_polls
            WHERE entity = ? AND outcome IN ('success', 'unchanged') ORDER BY polled_at DESC LIMIT 1""";

    private final Map<AttributeEntity, AtomicReference<PollState>> states = new EnumMap<>(AttributeEntity.class);

    private final Clock clock;

    @Autowired
    PollStates(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this(restore(jdbc), clock, meters);
    }

    PollStates(Map<AttributeEntity, PollState> restored, Clock clock, MeterRegistry meters) {
        this.clock = clock;
        for (AttributeEntity entity : AttributeEntity.values()) {
            AtomicReference<PollState> state = new AtomicReference<>(restored.getOrDefault(entity, PollState.NONE));
            this.states.put(entity, state);
            Gauge.builder("curio.ingestion.attributes.snapshot.age", state, (held) -> held.get().ageSeconds(now()))
                .tag("entity", entity.entityName())
                .baseUnit("seconds")
                .description("Seconds since the last poll that wrote a snapshot or found it unchanged")
                .register(meters);
        }
    }

    PollState get(AttributeEntity entity) {
        return this.states.get(entity).get();
    }

    PollState update(AttributeEntity entity, UnaryOperator<PollState> change) {
        return this.states.get(entity).updateAndGet(change);
    }

    Instant now() {
        return this.clock.instant();
    }

    private static Map<AttributeEntity, PollState> restore(JdbcClient jdbc) {
        Map<AttributeEntity, PollState> restored = new EnumMap<>(AttributeEntity.class);
        for (AttributeEntity entity : AttributeEntity.values()) {
            restored.put(entity, lastGood(jdbc, entity));
        }
        return restored;
    }

    private static PollState lastGood(JdbcClient jdbc, AttributeEntity entity) {
        return jdbc.sql(LAST_GOOD)
            .param(entity.entityName())
            .query((row, number) -> PollState.restored(row.getObject("polled_at", OffsetDateTime.class).toInstant(),
                    (Integer) row.getObject("items"), row.getString("snapshot_key")))
            .optional()
            .orElse(PollState.NONE);
    }

}
