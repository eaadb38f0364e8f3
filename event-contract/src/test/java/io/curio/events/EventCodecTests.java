package io.curio.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class EventCodecTests {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private final EventCodec codec = new EventCodec(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void decodesAValidRating() {
        DecodedEvent decoded = decode(event("type", "\"rate\"", "value", "5", "platform", "\"ios\"", "properties",
                "{\"screen\":\"home\"}"));

        assertThat(decoded).isInstanceOfSatisfying(DecodedEvent.Valid.class, (valid) -> {
            EngagementEvent event = valid.event();
            assertThat(event.type()).isEqualTo(EventType.RATE);
            assertThat(event.value()).isEqualTo(5);
            assertThat(event.properties()).containsEntry("screen", "home");
            assertThat(event.isPositive()).isTrue();
            assertThat(event.isConsumption()).isTrue();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.curio.events.HostileRecords#invalidEvents")
    void rejectsAnInvalidEventWithItsReason(String rule, String json, String reason) {
        assertThat(decode(json)).isEqualTo(new DecodedEvent.Invalid(reason));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.curio.events.HostileRecords#hostileBytes")
    void refusesHostileBytesWithTheirReason(String rule, byte[] record, String reason) {
        assertThat(this.codec.decode(record)).isEqualTo(new DecodedEvent.Invalid(reason));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedAtTheLimits")
    void acceptsEventsAtTheLimits(String rule, String json) {
        assertThat(decode(json)).isInstanceOf(DecodedEvent.Valid.class);
    }

    static Stream<Arguments> acceptedAtTheLimits() {
        int levels = EventCodec.MAX_NESTING_DEPTH - 1;
        String deepest = "{\"a\":".repeat(levels) + "1" + "}".repeat(levels);
        return Stream.of(
                arguments("occurredAt 4 minutes ahead", event("occurredAt", "\"2026-12-04T10:04:00Z\"")),
                arguments("occurredAt exactly 5 minutes ahead", event("occurredAt", "\"2026-12-04T10:05:00Z\"")),
                arguments("occurredAt with an offset", event("occurredAt", "\"2026-12-04T11:00:00+01:00\"")),
                arguments("ids of 128 characters", event("eventId", quoted(128), "userId", quoted(128), "bookId",
                        quoted(128), "requestId", quoted(128))),
                arguments("rate 1", event("type", "\"rate\"", "value", "1")),
                arguments("rate 5", event("type", "\"rate\"", "value", "5")),
                arguments("nesting of 16 levels", event("properties", deepest)),
                arguments("a number of 32 digits", event("properties", "{\"n\":" + "9".repeat(32) + "}")),
                arguments("a surrogate pair", event("properties", "{\"s\":\"\\ud83d\\udcd6 \uD83D\uDCD6\"}")),
                arguments("explicit nulls", event("requestId", "null", "value", "null", "platform", "null",
                        "properties", "null")));
    }

    @Test
    void acceptsARecordOfExactlyOneMebibyte() {
        byte[] record = HostileRecords.recordOfSize(EventCodec.MAX_RECORD_BYTES);

        assertThat(this.codec.decode(record)).isInstanceOf(DecodedEvent.Valid.class);
    }

    @Test
    void rejectsARecordOfOneMebibyteAndOneByte() {
        byte[] record = HostileRecords.recordOfSize(EventCodec.MAX_RECORD_BYTES + 1);

        assertThat(this.codec.decode(record)).isEqualTo(new DecodedEvent.Invalid("record larger than 1048576 bytes"));
    }

    @Test
    void quotesAtMostAShortPieceOfTheInput() {
        DecodedEvent decoded = decode(event("type", "\"" + "t".repeat(100_000) + "\""));

        assertThat(decoded).isEqualTo(new DecodedEvent.Invalid("unknown type: " + "t".repeat(64) + "…"));
    }

    @Test
    void quotesControlCharactersAsReplacements() {
        DecodedEvent decoded = decode(event("type", "\"a\\nb\\u0001\""));

        assertThat(decoded).isEqualTo(new DecodedEvent.Invalid("unknown type: a\uFFFDb\uFFFD"));
    }

    @Test
    void encodesWhatItDecodes() {
        EngagementEvent event = new EngagementEvent("e1", EventType.IMPRESSION, "42", null, NOW.minusSeconds(1),
                "r1", null, null, Map.of("bookIds", List.of("1", "2")));

        DecodedEvent decoded = this.codec.decode(this.codec.encode(event));

        assertThat(decoded).isEqualTo(new DecodedEvent.Valid(event));
    }

    @Nested
    class Batches {

        @Test
        void keepsBadEventsApart() {
            List<DecodedEvent> batch = decodeBatch("[" + event() + "," + event("type", "\"nope\"") + ",null]", 500);

            assertThat(batch).hasSize(3);
            assertThat(batch.get(0)).isInstanceOf(DecodedEvent.Valid.class);
            assertThat(batch.get(1)).isEqualTo(new DecodedEvent.Invalid("unknown type: nope"));
            assertThat(batch.get(2)).isEqualTo(new DecodedEvent.Invalid("event must be a JSON object, not null"));
        }

        @Test
        void readsASingleObject() {
            assertThat(decodeBatch(event(), 500)).singleElement().isInstanceOf(DecodedEvent.Valid.class);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.curio.events.HostileRecords#invalidEvents")
        void rejectsAnInvalidEventOfABatchWithTheSameReason(String rule, String json, String reason) {
            assertThat(decodeBatch("[" + event() + "," + json + "]", 500)).element(1)
                .isEqualTo(new DecodedEvent.Invalid(reason));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.curio.events.HostileRecords#hostileBodies")
        void refusesAHostileBodyAsAWhole(String rule, byte[] body, String reason) {
            assertThatExceptionOfType(MalformedEventsException.class)
                .isThrownBy(() -> EventCodecTests.this.codec.decodeBatch(body, 500))
                .withMessage(reason);
        }

        @Test
        void stopsReadingAtTheFirstEventOverTheLimit() {
            String body = "[" + event() + "," + event() + ",{\"unclosed\":";

            assertThatExceptionOfType(MalformedEventsException.class)
                .isThrownBy(() -> decodeBatch(body, 1))
                .withMessage("an event array holds 1..1 events, not more");
        }

        @Test
        void rejectsAnEventTooLargeForOneStreamRecord() {
            byte[] body = HostileRecords.recordOfSize(EventCodec.MAX_RECORD_BYTES);

            List<DecodedEvent> batch = EventCodecTests.this.codec.decodeBatch(body, 500);

            assertThat(batch)
                .containsExactly(new DecodedEvent.Invalid("event larger than 1048576 bytes on the stream"));
        }

        private List<DecodedEvent> decodeBatch(String body, int maxEvents) {
            return EventCodecTests.this.codec.decodeBatch(bytes(body), maxEvents);
        }

    }

    /** A valid click event with the given fields replaced by raw JSON values, or removed when the value is null. */
    static String event(String... fieldsAndValues) {
        return HostileRecords.event(fieldsAndValues);
    }

    private static String quoted(int length) {
        return "\"" + "x".repeat(length) + "\"";
    }

    private DecodedEvent decode(String json) {
        return this.codec.decode(bytes(json));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

}
