package io.curio.abtest.exposure;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.curio.abtest.AbtestProperties;
import io.curio.assignment.ImpressionSignature;
import io.curio.events.DecodedEvent;
import io.curio.events.EngagementEvent;
import io.curio.events.EventType;
import io.curio.events.stream.EventBatch;
import io.curio.events.stream.EventBatchHandler;

/**
 * Records, from the engagement stream, the impressions served inside an experiment or a model canary and what
 * readers did after them.
 *
 * <p>
 * Every event must carry a request id. An impression is kept only when its {@code properties.signature} is
 * inference-service's {@link ImpressionSignature} over its facts (refusals are counted), and then once per request
 * id when its {@code properties.experiment} and {@code properties.variant} name a declared variant of a known
 * experiment or its {@code properties.canary} is well formed; with it the surface, algorithm, model version,
 * whether it was a fallback, the canary arm and the shown book ids. A click is kept once per (request id, book
 * id); an open, finish or upgrade once per (request id, type, book id), an upgrade with an empty book id. All are
 * idempotent on {@code eventId}, so a batch handed over again changes nothing. Values of the wrong shape are read
 * as absent and events that cannot be kept are skipped, never failing the batch. A batch commits in one
 * transaction before this returns; counters move only after the commit, and only for outcomes inside the
 * {@link AttributionWindow} of a known impression.
 */
@Component
public class ExposureRecorder implements EventBatchHandler {

    private final JdbcClient jdbc;

    private final TransactionTemplate transactions;

    private final ExposureMeters meters;

    private final AttributionWindow window;

    private final ImpressionSignature signature;

    ExposureRecorder(JdbcClient jdbc, TransactionTemplate transactions, ExposureMeters meters,
            AbtestProperties properties, ImpressionSignature signature) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.meters = meters;
        this.window = AttributionWindow.of(properties);
        this.signature = signature;
    }

    @Override
    public void handle(EventBatch batch) {
        List<EngagementEvent> events = validEvents(batch);
        List<Runnable> counts = this.transactions.execute((status) -> record(events));
        counts.forEach(Runnable::run);
    }

    private List<Runnable> record(List<EngagementEvent> events) {
        List<Runnable> counts = new ArrayList<>();
        for (EngagementEvent event : events) {
            if (event.requestId() != null) {
                counts.addAll(recordOne(event));
            }
        }
        return counts;
    }

    private List<Runnable> recordOne(EngagementEvent event) {
        return switch (event.type()) {
            case IMPRESSION -> recordImpression(event);
            case CLICK -> recordClick(event);
            case OPEN, FINISH, UPGRADE -> recordOutcome(event);
            default -> List.of();
        };
    }

    private List<Runnable> recordImpression(EngagementEvent event) {
        ImpressionContext context = declared(ImpressionContext.of(event.properties()));
        if (!context.namesVariant() && context.canary() == null) {
            return List.of();
        }
        String refusal = refusal(event);
        if (refusal != null) {
            return List.of(() -> this.meters.refusedImpressions(refusal).increment());
        }
        boolean inserted = insertImpression(event, context);
        return (inserted && context.namesVariant()) ? impressionCounts(context) : List.of();
    }

    /** Why an impression cannot be kept ({@code unsigned}, {@code bad-signature}), or {@code null}. */
    private String refusal(EngagementEvent event) {
        String presented = SignedImpression.signature(event);
        if (presented == null) {
            return "unsigned";
        }
        return this.signature.verifies(SignedImpression.facts(event), presented) ? null : "bad-signature";
    }

    private List<Runnable> impressionCounts(ImpressionContext context) {
        List<Runnable> counts = new ArrayList<>();
        counts.add(() -> this.meters.impressions(context.experiment(), context.variant()).increment());
        if (context.fallback()) {
            counts.add(() -> this.meters.fallbackImpressions(context.experiment(), context.variant()).increment());
        }
        return counts;
    }

    private boolean insertImpression(EngagementEvent event, ImpressionContext context) {
        ImpressionContext.Canary canary = context.canary();
        return this.jdbc.sql("""
                insert into abtest.impression (request_id, event_id, experiment_key, variant, user_id, occurred_at,
                    surface, algorithm, model_version, fallback, canary_id, canary_arm, book_ids)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                """)
            .params(event.requestId(), event.eventId(), context.experiment(), context.variant(), event.userId(),
                    utc(event.occurredAt()), context.surface(), context.algorithm(), context.modelVersion(),
                    context.fallback(), (canary != null) ? canary.id() : null, (canary != null) ? canary.arm() : null,
                    SignedImpression.bookIds(event.properties().get("bookIds")).toArray(String[]::new))
            .update() == 1;
    }

    private List<Runnable> recordClick(EngagementEvent event) {
        int inserted = this.jdbc.sql("""
                insert into abtest.click (event_id, request_id, book_id, user_id, occurred_at)
                values (?, ?, ?, ?, ?)
                on conflict do nothing
                """)
            .params(event.eventId(), event.requestId(), event.bookId(), event.userId(), utc(event.occurredAt()))
            .update();
        return (inserted == 1) ? attributedCounts(event, true) : List.of();
    }

    private List<Runnable> recordOutcome(EngagementEvent event) {
        String bookId = (event.type() == EventType.UPGRADE) ? "" : event.bookId();
        if (bookId == null) {
            return List.of();
        }
        int inserted = this.jdbc.sql("""
                insert into abtest.outcome (event_id, request_id, type, book_id, user_id, occurred_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict do nothing
                """)
            .params(event.eventId(), event.requestId(), event.type().wireName(), bookId, event.userId(),
                    utc(event.occurredAt()))
            .update();
        return (inserted == 1) ? attributedCounts(event, false) : List.of();
    }

    private List<Runnable> attributedCounts(EngagementEvent outcome, boolean click) {
        Optional<Served> served = servedInExperiment(outcome.requestId())
            .filter((impression) -> this.window.covers(impression.at(), outcome.occurredAt()))
            .filter((impression) -> impression.showed(outcome));
        if (served.isEmpty()) {
            return List.of();
        }
        String experiment = served.get().experiment();
        String variant = served.get().variant();
        String type = outcome.type().wireName();
        Runnable outcomes = () -> this.meters.outcomes(experiment, variant, type).increment();
        return click ? List.of(outcomes, () -> this.meters.clicks(experiment, variant).increment())
                : List.of(outcomes);
    }

    private Optional<Served> servedInExperiment(String requestId) {
        return this.jdbc.sql("""
                select experiment_key, variant, occurred_at, user_id, book_ids from abtest.impression
                where request_id = ? and experiment_key is not null
                """)
            .param(requestId)
            .query((rs, n) -> new Served(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                    rs.getString(4), strings(rs.getArray(5))))
            .optional();
    }

    private ImpressionContext declared(ImpressionContext context) {
        return (context.namesVariant() && isDeclared(context.experiment(), context.variant())) ? context
                : context.outsideExperiments();
    }

    private boolean isDeclared(String experiment, String variant) {
        return this.jdbc.sql("select count(*) from abtest.experiment_variant where experiment_key = ? and name = ?")
            .params(experiment, variant)
            .query(Integer.class)
            .single() > 0;
    }

    private static List<EngagementEvent> validEvents(EventBatch batch) {
        return batch.records()
            .stream()
            .map(EventBatch.Record::decoded)
            .filter(DecodedEvent.Valid.class::isInstance)
            .map((decoded) -> ((DecodedEvent.Valid) decoded).event())
            .toList();
    }

    private static Object utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static List<String> strings(Array array) throws SQLException {
        return (array != null) ? List.of((String[]) array.getArray()) : List.of();
    }

    /** The experiment and variant an impression was served in, when, to whom, and the books it showed. */
    private record Served(String experiment, String variant, Instant at, String userId, List<String> bookIds) {

        /** Whether an outcome is the reader's own, on a book of the list (an upgrade names no book). */
        boolean showed(EngagementEvent outcome) {
            return this.userId.equals(outcome.userId())
                    && (outcome.type() == EventType.UPGRADE || this.bookIds.contains(outcome.bookId()));
        }

    }

}
