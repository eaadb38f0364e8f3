package io.curio.ingestion.collector;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.curio.events.DecodedEvent;
import io.curio.events.EventCodec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CollectedBatchTests {

    private final EventCodec codec = new EventCodec(Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"),
            ZoneOffset.UTC));

    @Test
    void acceptsValidEventsAndRejectsInvalidOnesByIndex() {
        // given
        List<DecodedEvent> decoded = decode("[" + event("e1", "42") + ",{\"eventId\":\"e2\"}," + event("e3", "42")
                + "]");

        // when
        CollectedBatch batch = CollectedBatch.of(decoded, "42");

        // then
        assertThat(batch.accepted()).extracting((event) -> event.eventId()).containsExactly("e1", "e3");
        assertThat(batch.result().accepted()).isEqualTo(2);
        assertThat(batch.result().rejected()).singleElement()
            .satisfies((rejection) -> assertThat(rejection.index()).isEqualTo(1))
            .satisfies((rejection) -> assertThat(rejection.reason()).startsWith("missing field"));
    }

    @Test
    void refusesTheWholeBatchWhenAValidEventNamesAnotherUser() {
        // given
        List<DecodedEvent> decoded = decode("[" + event("e1", "42") + "," + event("e2", "43") + "]");

        // when / then
        assertThatExceptionOfType(ForeignUserEventException.class)
            .isThrownBy(() -> CollectedBatch.of(decoded, "42"))
            .withMessageContaining("event 1");
    }

    @Test
    void ignoresTheUserOfAnInvalidEvent() {
        // given
        List<DecodedEvent> decoded = decode("[" + event("e1", "42")
                + ",{\"eventId\":\"e2\",\"type\":\"nope\",\"userId\":\"43\"}]");

        // when
        CollectedBatch batch = CollectedBatch.of(decoded, "42");

        // then
        assertThat(batch.accepted()).hasSize(1);
        assertThat(batch.rejected()).hasSize(1);
    }

    @Test
    void acceptsNothingWhenEveryEventIsInvalid() {
        // given
        List<DecodedEvent> decoded = decode("{\"type\":\"click\"}");

        // when
        CollectedBatch batch = CollectedBatch.of(decoded, "42");

        // then
        assertThat(batch.result().accepted()).isZero();
        assertThat(batch.result().rejected()).extracting(CollectionResult.Rejection::index).containsExactly(0);
    }

    private List<DecodedEvent> decode(String body) {
        return this.codec.decodeBatch(body.getBytes(), 500);
    }

    static String event(String eventId, String userId) {
        return """
                {"eventId":"%s","type":"click","userId":"%s","bookId":"258","occurredAt":"2026-12-04T09:00:00Z"}"""
            .formatted(eventId, userId);
    }

}
