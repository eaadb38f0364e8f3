package io.curio.feature.interactions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.curio.events.EngagementEvent;
import io.curio.events.stream.EventBatch;
import io.curio.feature.AbstractFeatureServiceIT;
import io.curio.feature.Events;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class StreamedEventsHandlerIT extends AbstractFeatureServiceIT {

    @Autowired
    private StreamedEventsHandler handler;

    @Autowired
    private MeterRegistry meters;

    @Test
    void appliesABatchOnceWhenItIsDeliveredTwice() {
        // given
        EventBatch batch = batch(List.of(
                Events.json(Events.rate("e-1", "42", "258", 5, "2026-12-04T10:00:00Z")),
                Events.json(Events.open("e-2", "42", "7", "2026-12-04T10:01:00Z")),
                Events.json(Events.upgrade("e-3", "42", "2026-12-04T10:02:00Z")),
                "{\"eventId\":\"e-4\",\"type\":\"rate\"}",
                Events.json(Events.open("e-5", "43", "258", "2026-12-04T10:03:00Z"))));
        double appliedBefore = counted("curio.feature.events.applied", null);
        double invalidBefore = counted("curio.feature.events.skipped", "invalid");

        // when
        this.handler.handle(batch);
        this.handler.handle(batch);

        // then
        assertThat(this.jdbc.sql("select event_id from interactions order by event_id").query(String.class).list())
            .containsExactly("e-1", "e-2", "e-5");
        assertThat(counted("curio.feature.events.applied", null) - appliedBefore).isEqualTo(3);
        assertThat(counted("curio.feature.events.skipped", "invalid") - invalidBefore).isEqualTo(2);
    }

    @Test
    void keepsTheRatingAndTheTimeOfAnInteraction() {
        // given
        EventBatch batch = batch(List.of(Events.json(Events.rate("e-9", "42", "258", 4, "2026-12-04T10:00:00Z"))));

        // when
        this.handler.handle(batch);

        // then
        var row = this.jdbc.sql("select user_id, book_id, type, value, occurred_at from interactions")
            .query()
            .singleRow();
        assertThat(row).containsEntry("user_id", "42")
            .containsEntry("book_id", "258")
            .containsEntry("type", "rate")
            .containsEntry("value", 4);
        assertThat(((java.sql.Timestamp) row.get("occurred_at")).toInstant())
            .isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
    }

    @Test
    void skipsAnEventWhoseIdPostgresqlCannotStore() {
        // given
        EngagementEvent withNul = Events.open("e-\u0000", "42", "258", "2026-12-04T10:00:00Z");
        EventBatch batch = batch(List.of(Events.json(withNul),
                Events.json(Events.open("e-10", "42", "259", "2026-12-04T10:00:00Z"))));

        // when
        this.handler.handle(batch);

        // then
        assertThat(this.jdbc.sql("select event_id from interactions").query(String.class).list())
            .containsExactly("e-10");
    }

    private double counted(String name, String reason) {
        var search = this.meters.find(name);
        if (reason != null) {
            search = search.tag("reason", reason);
        }
        var counter = search.counter();
        return (counter != null) ? counter.count() : 0;
    }

    private static EventBatch batch(List<String> records) {
        List<EventBatch.Record> decoded = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            byte[] data = records.get(i).getBytes(StandardCharsets.UTF_8);
            decoded.add(new EventBatch.Record(String.valueOf(i), data, Events.CODEC.decode(data)));
        }
        return new EventBatch("shardId-000000000000", "0", Instant.parse("2026-12-04T10:05:00Z"), decoded);
    }

}
