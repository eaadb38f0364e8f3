package io.curio.ingestion.attributes;

import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records every poll in {@code attribute_polls} and counts it in {@code curio.ingestion.attributes.polls},
 * and counts the records the schema check left out in {@code curio.ingestion.attributes.records.rejected}.
 */
@Component
class PollLog {

    private static final String INSERT = """
            INSERT INTO attribute_polls (entity, polled_at, outcome, items, snapshot_key, error)
            VALUES (?, ?, ?, ?, ?, ?)""";

    private static final int MAX_ERROR_LENGTH = 1000;

    private final JdbcClient jdbc;

    private final MeterRegistry meters;

    PollLog(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
    }

    void record(AttributeEntity entity, Instant polledAt, EntityPoll poll) {
        this.meters.counter("curio.ingestion.attributes.polls", "entity", entity.entityName(), "outcome",
                poll.outcome())
            .increment();
        this.jdbc.sql(INSERT)
            .params(entity.entityName(), polledAt.atOffset(ZoneOffset.UTC), poll.outcome(), poll.items(), poll.key(),
                    truncate(poll.error()))
            .update();
    }

    void rejected(AttributeEntity entity, ScreenedItems screened) {
        screened.rejected()
            .forEach((reason, count) -> this.meters
                .counter("curio.ingestion.attributes.records.rejected", "entity", entity.entityName(), "reason",
                        reason)
                .increment(count));
    }

    private static String truncate(String error) {
        return (error == null || error.length() <= MAX_ERROR_LENGTH) ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

}
