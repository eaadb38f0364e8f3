package io.curio.ingestion;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One input per rule the event contract enforces, as it would arrive in a stream record or an HTTP body,
 * with the exact reason it is refused for and the tag it is counted under. Independent of the clock:
 * the one time in the future is centuries ahead.
 */
public final class HostileInputs {

    /** Where the value of {@code platform} starts in {@link #withPlatformBytes}. */
    private static final String PLATFORM_PREFIX = "{\"eventId\":\"h\",\"type\":\"upgrade\",\"userId\":\"7\","
            + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"platform\":\"";

    private HostileInputs() {
    }

    /**
     * @param rule what the input breaks
     * @param bytes the input
     * @param reason the exact reason it is refused for
     * @param tag the {@code reason} tag it is counted under
     */
    public record HostileInput(String rule, byte[] bytes, String reason, String tag) {

        @Override
        public String toString() {
            return this.rule;
        }

    }

    /** Inputs refused by the parser or before it: on HTTP these refuse the whole body. */
    public static List<HostileInput> hostileJson() {
        return List.of(
                input("a duplicate key", "{\"eventId\":\"a\",\"eventId\":\"b\"}", "duplicate key: eventId",
                        "duplicate-key"),
                input("a duplicate key in properties", event("\"properties\":{\"k\":{\"a\":1,\"a\":2}}"),
                        "duplicate key: a", "duplicate-key"),
                input("17 levels of nesting", event("\"properties\":{\"a\":" + "[".repeat(15) + "]".repeat(15) + "}"),
                        "nesting deeper than 16 levels", "too-deep"),
                input("a number of 5,000 digits", event("\"properties\":{\"n\":" + "9".repeat(5000) + "}"),
                        "number longer than 32 characters", "number-too-long"),
                input("a key of 1,025 characters", event("\"properties\":{\"" + "k".repeat(1025) + "\":1}"),
                        "key longer than 1024 characters", "key-too-long"),
                input("a lone surrogate in a key", "{\"\\ud800\":1}", "a key contains an unpaired surrogate",
                        "unpaired-surrogate"),
                new HostileInput("invalid UTF-8", withPlatformBytes((byte) 0xC3, (byte) 0x28),
                        "invalid UTF-8 at byte " + PLATFORM_PREFIX.length() + ": 0xc3 0x28 0x22 0x7d", "invalid-utf8"),
                new HostileInput("an overlong UTF-8 form", withPlatformBytes((byte) 0xC0, (byte) 0xAF),
                        "invalid UTF-8 at byte " + PLATFORM_PREFIX.length() + ": 0xc0 0xaf 0x22 0x7d", "invalid-utf8"),
                input("a byte order mark", "\uFEFF" + valid("b"),
                        "byte order mark at byte 0: JSON is read as UTF-8 without one", "invalid-utf8"),
                new HostileInput("UTF-16", "{\"eventId\":\"u\"}".getBytes(StandardCharsets.UTF_16LE),
                        "invalid JSON at byte 1: NUL character", "invalid-json"),
                input("a trailing comma", "{\"eventId\":\"c\",}", "invalid JSON at byte 15: Unexpected character "
                        + "('}' (code 125)): was expecting double-quot…", "invalid-json"));
    }

    /** Inputs that parse but break a rule of one event: on HTTP they are rejected by index. */
    public static List<HostileInput> invalidEvents() {
        return List.of(
                input("an empty object", "{}", "missing field: type", "missing-field"),
                input("an unknown field", event("\"colour\":\"red\""), "unknown field: colour",
                        "unknown-field"),
                input("an unknown type", "{\"eventId\":\"t\",\"type\":\"teleport\"}", "unknown type: teleport",
                        "unknown-type"),
                input("rate 6", rate("6"), "value must be an integer 1..5 for rate events, not 6", "invalid-value"),
                input("rate \"3\"", rate("\"3\""), "value must be an integer 1..5 for rate events, not \"3\"",
                        "invalid-value"),
                input("rate without value", rate("null"), "missing field: value", "missing-field"),
                input("occurredAt in the future", "{\"eventId\":\"f\",\"type\":\"upgrade\",\"userId\":\"7\","
                        + "\"occurredAt\":\"2999-01-01T00:00:00Z\"}",
                        "occurredAt is more than 5 minutes in the future: 2999-01-01T00:00:00Z", "future-time"),
                input("occurredAt in year 1", "{\"eventId\":\"f\",\"type\":\"upgrade\",\"userId\":\"7\","
                        + "\"occurredAt\":\"0001-01-01T00:00:00Z\"}",
                        "occurredAt is before 2000-01-01T00:00:00Z: 0001-01-01T00:00:00Z", "past-time"),
                input("an escaped NUL in requestId", event("\"requestId\":\"r-\\u0000\""),
                        "requestId contains a NUL character", "nul-character"),
                input("occurredAt unparseable", "{\"eventId\":\"f\",\"type\":\"upgrade\",\"userId\":\"7\","
                        + "\"occurredAt\":\"now\"}", "occurredAt is not an ISO-8601 instant: now", "invalid-time"),
                input("a userId of 129 characters", event("").replace("\"7\"", "\"" + "u".repeat(129) + "\""),
                        "userId must have 1..128 characters", "invalid-id"),
                input("a numeric userId", event("").replace("\"7\"", "7"), "userId must be a string", "wrong-type"),
                input("a lone surrogate in a value", event("\"properties\":{\"s\":\"\\udc00\"}"),
                        "properties.s contains an unpaired surrogate", "unpaired-surrogate"),
                input("an infinite number", event("\"properties\":{\"x\":1e999}"),
                        "properties.x is a number out of range", "number-out-of-range"),
                input("a platform of 33 characters", event("\"platform\":\"" + "p".repeat(33) + "\""),
                        "platform must have at most 32 characters", "invalid-platform"),
                input("properties as an array", event("\"properties\":[]"), "properties must be a JSON object",
                        "wrong-type"),
                input("JSON null", "null", "event must be a JSON object, not null", "not-an-object"),
                input("a bare string", "\"upgrade\"", "event must be a JSON object, not a string", "not-an-object"),
                input("an array", "[{}]", "event must be a JSON object, not an array", "not-an-object"));
    }

    /** Every input of both kinds that fits in a stream record. */
    public static List<HostileInput> streamRecords() {
        List<HostileInput> all = new ArrayList<>(hostileJson());
        all.addAll(invalidEvents());
        all.add(new HostileInput("an empty record", new byte[0], "record is empty", "empty"));
        return List.copyOf(all);
    }

    /** A valid upgrade event of the given id: it goes through every rule. */
    public static String valid(String eventId) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"upgrade\",\"userId\":\"7\","
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\"}";
    }

    /** A valid upgrade event with one more member, or as it is when the member is empty. */
    private static String event(String member) {
        String event = valid("h");
        return member.isEmpty() ? event : event.substring(0, event.length() - 1) + "," + member + "}";
    }

    private static String rate(String value) {
        return "{\"eventId\":\"r\",\"type\":\"rate\",\"userId\":\"7\",\"bookId\":\"1\","
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"value\":" + value + "}";
    }

    private static byte[] withPlatformBytes(byte... sequence) {
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.writeBytes(bytes(PLATFORM_PREFIX));
        record.writeBytes(sequence);
        record.writeBytes(bytes("\"}"));
        return record.toByteArray();
    }

    private static HostileInput input(String rule, String json, String reason, String tag) {
        return new HostileInput(rule, bytes(json), reason, tag);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
