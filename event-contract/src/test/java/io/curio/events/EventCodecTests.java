package io.curio.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventCodecTests {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private final EventCodec codec = new EventCodec(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void decodesAValidRating() {
        DecodedEvent decoded = decode("""
                {"eventId":"e1","type":"rate","userId":"42","bookId":"258","occurredAt":"2026-12-04T09:59:00Z",
                 "value":5,"platform":"ios","properties":{"screen":"home"}}""");

        assertThat(decoded).isInstanceOfSatisfying(DecodedEvent.Valid.class, (valid) -> {
            EngagementEvent event = valid.event();
            assertThat(event.type()).isEqualTo(EventType.RATE);
            assertThat(event.value()).isEqualTo(5);
            assertThat(event.properties()).containsEntry("screen", "home");
            assertThat(event.isPositive()).isTrue();
            assertThat(event.isConsumption()).isTrue();
        });
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"click\",\"userId\":\"1\",\"bookId\":\"2\",\"occurredAt\":\"2026-12-04T09:00:00Z\"}"
                + "|missing field: eventId",
        "{\"eventId\":\"e\",\"type\":\"like\",\"userId\":\"1\",\"bookId\":\"2\","
                + "\"occurredAt\":\"2026-12-04T09:00:00Z\"}"
                + "|unknown type: like",
        "{\"eventId\":\"e\",\"type\":\"click\",\"userId\":\"1\",\"occurredAt\":\"2026-12-04T09:00:00Z\"}"
                + "|missing field: bookId",
        "{\"eventId\":\"e\",\"type\":\"click\",\"userId\":\"1\",\"bookId\":\"2\",\"occurredAt\":\"yesterday\"}"
                + "|occurredAt is not an ISO-8601 instant: yesterday",
        "{\"eventId\":\"e\",\"type\":\"click\",\"userId\":\"1\",\"bookId\":\"2\","
                + "\"occurredAt\":\"2026-12-04T10:06:00Z\"}"
                + "|occurredAt is more than 5 minutes in the future: 2026-12-04T10:06:00Z",
        "{\"eventId\":\"e\",\"type\":\"rate\",\"userId\":\"1\",\"bookId\":\"2\","
                + "\"occurredAt\":\"2026-12-04T09:00:00Z\","
                + "\"value\":6}|value must be an integer 1..5 for rate events",
        "{\"eventId\":\"e\",\"type\":\"click\",\"userId\":\"1\",\"bookId\":\"2\","
                + "\"occurredAt\":\"2026-12-04T09:00:00Z\","
                + "\"value\":3}|value is only allowed for rate events",
        "{\"eventId\":\"e\",\"type\":\"click\",\"userId\":\"1\",\"bookId\":\"2\","
                + "\"occurredAt\":\"2026-12-04T09:00:00Z\","
                + "\"colour\":\"red\"}|unknown field: colour",
        "{\"eventId\":\"e\",\"type\":\"click\",\"userId\":1,\"bookId\":\"2\",\"occurredAt\":\"2026-12-04T09:00:00Z\"}"
                + "|userId must be a string",
        "[1]|event must be a JSON object",
    })
    void rejectsWithAReasonNamingTheField(String json, String reason) {
        assertThat(decode(json)).isEqualTo(new DecodedEvent.Invalid(reason));
    }

    @Test
    void rejectsIdsLongerThanTheLimit() {
        String longId = "x".repeat(EventCodec.MAX_ID_LENGTH + 1);

        DecodedEvent decoded = decode("{\"eventId\":\"" + longId + "\",\"type\":\"upgrade\",\"userId\":\"1\","
                + "\"occurredAt\":\"2026-12-04T09:00:00Z\"}");

        assertThat(decoded).isEqualTo(new DecodedEvent.Invalid("eventId must have 1..128 characters"));
    }

    @Test
    void rejectsDuplicateKeys() {
        DecodedEvent decoded = decode("{\"eventId\":\"a\",\"eventId\":\"b\"}");

        assertThat(decoded).isInstanceOfSatisfying(DecodedEvent.Invalid.class,
                (invalid) -> assertThat(invalid.reason()).startsWith("invalid JSON: Duplicate Object property"));
    }

    @Test
    void rejectsDeepNesting() {
        String deep = "[".repeat(100) + "]".repeat(100);

        DecodedEvent decoded = decode("{\"eventId\":\"a\",\"properties\":{\"x\":" + deep + "}}");

        assertThat(decoded).isInstanceOfSatisfying(DecodedEvent.Invalid.class,
                (invalid) -> assertThat(invalid.reason()).contains("nesting depth"));
    }

    @Test
    void rejectsNumbersWithThousandsOfDigits() {
        DecodedEvent decoded = decode("{\"value\":" + "9".repeat(5000) + "}");

        assertThat(decoded).isInstanceOfSatisfying(DecodedEvent.Invalid.class,
                (invalid) -> assertThat(invalid.reason()).contains("Number value length"));
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] record = { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };

        assertThat(this.codec.decode(record)).isInstanceOfSatisfying(DecodedEvent.Invalid.class,
                (invalid) -> assertThat(invalid.reason()).startsWith("invalid JSON: Invalid UTF-8"));
    }

    @Test
    void rejectsUnpairedSurrogates() {
        DecodedEvent decoded = decode("{\"eventId\":\"e\",\"type\":\"upgrade\",\"userId\":\"a\\ud800\","
                + "\"occurredAt\":\"2026-12-04T09:00:00Z\"}");

        assertThat(decoded).isEqualTo(new DecodedEvent.Invalid("userId contains an unpaired surrogate"));
    }

    @Test
    void rejectsRecordsOverOneMebibyte() {
        byte[] record = new byte[EventCodec.MAX_RECORD_BYTES + 1];

        assertThat(this.codec.decode(record)).isEqualTo(new DecodedEvent.Invalid("record larger than 1048576 bytes"));
    }

    @Test
    void encodesWhatItDecodes() {
        EngagementEvent event = new EngagementEvent("e1", EventType.IMPRESSION, "42", null, NOW.minusSeconds(1),
                "r1", null, null, java.util.Map.of("bookIds", List.of("1", "2")));

        DecodedEvent decoded = this.codec.decode(this.codec.encode(event));

        assertThat(decoded).isEqualTo(new DecodedEvent.Valid(event));
    }

    @Test
    void decodesABatchKeepingBadEventsApart() {
        List<DecodedEvent> batch = this.codec.decodeBatch(bytes("""
                [{"eventId":"e1","type":"upgrade","userId":"1","occurredAt":"2026-12-04T09:00:00Z"},
                 {"eventId":"e2","type":"nope","userId":"1","occurredAt":"2026-12-04T09:00:00Z"}]"""), 500);

        assertThat(batch).hasSize(2);
        assertThat(batch.get(0)).isInstanceOf(DecodedEvent.Valid.class);
        assertThat(batch.get(1)).isEqualTo(new DecodedEvent.Invalid("unknown type: nope"));
    }

    @Test
    void refusesABatchOverTheLimit() {
        String event = "{\"eventId\":\"e\",\"type\":\"upgrade\",\"userId\":\"1\","
                + "\"occurredAt\":\"2026-12-04T09:00:00Z\"}";

        assertThatExceptionOfType(MalformedEventsException.class)
            .isThrownBy(() -> this.codec.decodeBatch(bytes("[" + event + "," + event + "]"), 1))
            .withMessage("an event array holds 1..1 events, not 2");
    }

    @Test
    void refusesAnEmptyBody() {
        assertThatExceptionOfType(MalformedEventsException.class)
            .isThrownBy(() -> this.codec.decodeBatch(new byte[0], 500))
            .withMessageStartingWith("body is empty");
    }

    private DecodedEvent decode(String json) {
        return this.codec.decode(bytes(json));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

}
