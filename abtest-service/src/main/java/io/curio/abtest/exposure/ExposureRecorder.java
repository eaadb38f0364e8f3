package io.curio.abtest.exposure;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.curio.events.DecodedEvent;
import io.curio.events.EngagementEvent;
import io.curio.events.EventType;
import io.curio.events.stream.EventBatch;
import io.curio.events.stream.EventBatchHandler;

/**
 * Records, from the engagement stream, the impressions served inside an experiment and the clicks on them.
 *
 * <p>
 * An impression counts when it carries a request id and {@code properties.experiment} and
 * {@code properties.variant} naming a declared variant of a known experiment; it is kept once per request id.
 * A click counts when it carries a request id; it is kept once per (request id, book id). Both are idempotent
 * on {@code eventId}, so a batch handed over again changes nothing. A batch commits in one transaction before
 * this returns; counters move only after the commit.
 */
@Component
public class ExposureRecorder implements EventBatchHandler {

    private static final int MAX_NAME_LENGTH = 64;

    private final JdbcClient jdbc;

    private final TransactionTemplate transactions;

    private final ExposureMeters meters;

    ExposureRecorder(JdbcClient jdbc, TransactionTemplate transactions, ExposureMeters meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.meters = meters;
    }

    @Override
    public void handle(EventBatch batch) {
        List<EngagementEvent> events = validEvents(batch);
        List<Recorded> recorded = this.transactions.execute((status) -> record(events));
        recorded.forEach(this::count);
    }

    private List<Recorded> record(List<EngagementEvent> events) {
        List<Recorded> recorded = new ArrayList<>();
        for (EngagementEvent event : events) {
            Optional<Recorded> outcome = switch (event.type()) {
                case IMPRESSION -> recordImpression(event);
                case CLICK -> recordClick(event);
                default -> Optional.empty();
            };
            outcome.ifPresent(recorded::add);
        }
        return recorded;
    }

    private Optional<Recorded> recordImpression(EngagementEvent event) {
        String experiment = name(event.properties().get("experiment"));
        String variant = name(event.properties().get("variant"));
        if (event.requestId() == null || experiment == null || variant == null || !isDeclared(experiment, variant)) {
            return Optional.empty();
        }
        int inserted = this.jdbc.sql("""
                insert into abtest.impression (request_id, event_id, experiment_key, variant, user_id, occurred_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict do nothing
                """)
            .params(event.requestId(), event.eventId(), experiment, variant, event.userId(),
                    event.occurredAt().atOffset(ZoneOffset.UTC))
            .update();
        return (inserted == 1) ? Optional.of(new Recorded(EventType.IMPRESSION, experiment, variant))
                : Optional.empty();
    }

    private Optional<Recorded> recordClick(EngagementEvent event) {
        if (event.requestId() == null) {
            return Optional.empty();
        }
        int inserted = this.jdbc.sql("""
                insert into abtest.click (event_id, request_id, book_id, user_id, occurred_at)
                values (?, ?, ?, ?, ?)
                on conflict do nothing
                """)
            .params(event.eventId(), event.requestId(), event.bookId(), event.userId(),
                    event.occurredAt().atOffset(ZoneOffset.UTC))
            .update();
        return (inserted == 1) ? clickedImpression(event.requestId()) : Optional.empty();
    }

    private Optional<Recorded> clickedImpression(String requestId) {
        return this.jdbc.sql("select experiment_key, variant from abtest.impression where request_id = ?")
            .param(requestId)
            .query((rs, n) -> new Recorded(EventType.CLICK, rs.getString(1), rs.getString(2)))
            .optional();
    }

    private boolean isDeclared(String experiment, String variant) {
        return this.jdbc.sql("select count(*) from abtest.experiment_variant where experiment_key = ? and name = ?")
            .params(experiment, variant)
            .query(Integer.class)
            .single() > 0;
    }

    private void count(Recorded recorded) {
        if (recorded.type() == EventType.IMPRESSION) {
            this.meters.impressions(recorded.experiment(), recorded.variant()).increment();
        }
        else {
            this.meters.clicks(recorded.experiment(), recorded.variant()).increment();
        }
    }

    private static List<EngagementEvent> validEvents(EventBatch batch) {
        return batch.records()
            .stream()
            .map(EventBatch.Record::decoded)
            .filter(DecodedEvent.Valid.class::isInstance)
            .map((decoded) -> ((DecodedEvent.Valid) decoded).event())
            .toList();
    }

    private static String name(Object value) {
        return (value instanceof String text && !text.isBlank() && text.length() <= MAX_NAME_LENGTH) ? text : null;
    }

    /** An impression or a counted click newly recorded, with the experiment and variant it belongs to. */
    private record Recorded(EventType type, String experiment, String variant) {
    }

}
