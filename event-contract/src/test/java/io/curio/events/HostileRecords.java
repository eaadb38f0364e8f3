package io.curio.events;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Inputs that break one rule each, with the exact reason the codec gives, for a clock at
 * 2026-12-04T10:00:00Z.
 */
final class HostileRecords {

    private static final String VALID_CLICK = "{\"eventId\":\"e1\",\"type\":\"click\",\"userId\":\"42\","
            + "\"bookId\":\"258\",\"occurredAt\":\"2026-12-04T09:00:00Z\"}";

    /** Where the value of {@code platform} starts in {@code event("platform", "\"")}. */
    private static final int PLATFORM_VALUE_OFFSET = VALID_CLICK.length() + "\"platform\":\"".length();

    private HostileRecords() {
    }

    /** Events that parse but break a rule of the contract: rule, JSON, reason. */
    static Stream<Arguments> invalidEvents() {
        return Stream.of(missingAndUnknownFields(), rates(), times(), ids(), loneSurrogates(), nulCharacters(),
                otherFields())
            .flatMap((group) -> group);
    }

    /** JSON the parser refuses, the same way in a stream record and in an HTTP body: rule, bytes, reason. */
    static Stream<Arguments> hostileJson() {
        return Stream.of(duplicateKeys(), nesting(), longNumbers(), keys(), syntax()).flatMap((group) -> group);
    }

    /** Stream records refused before or while parsing: rule, bytes, reason. */
    static Stream<Arguments> hostileBytes() {
        Stream<Arguments> records = Stream.of(
                arguments("an empty record", new byte[0], "record is empty"),
                arguments("a blank record", bytes(" \n "), "record is empty"));
        return Stream.of(hostileJson(), encodings(), records).flatMap((group) -> group);
    }

    /** HTTP bodies refused as a whole: rule, bytes, reason. */
    static Stream<Arguments> hostileBodies() {
        String shape = "body must be an event object or an array of events";
        String empty = "body is empty: expected an event object or an array of events";
        Stream<Arguments> bodies = Stream.of(
                arguments("an empty body", new byte[0], empty),
                arguments("a blank body", bytes("\r\n"), empty),
                arguments("JSON null", bytes("null"), shape),
                arguments("a bare string", bytes("\"click\""), shape),
                arguments("a number", bytes("42"), shape),
                arguments("an empty array", bytes("[]"), "an event array holds 1..500 events, not 0"),
                arguments("content after the array", bytes("[" + VALID_CLICK + "] []"),
                        "invalid JSON at byte 99: content after the events"),
                arguments("content after the object", bytes(VALID_CLICK + "{}"),
                        "invalid JSON at byte 96: content after the events"));
        return Stream.of(hostileJson(), encodings(), bodies).flatMap((group) -> group);
    }

    /** A valid click whose fields are replaced by raw JSON values, or removed where the value is null. */
    static String event(String... fieldsAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("eventId", "\"e1\"");
        fields.put("type", "\"click\"");
        fields.put("userId", "\"42\"");
        fields.put("bookId", "\"258\"");
        fields.put("occurredAt", "\"2026-12-04T09:00:00Z\"");
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return fields.entrySet()
            .stream()
            .filter((field) -> field.getValue() != null)
            .map((field) -> "\"" + field.getKey() + "\":" + field.getValue())
            .collect(Collectors.joining(",", "{", "}"));
    }

    /** A valid upgrade event padded in its properties to exactly {@code size} bytes. */
    static byte[] recordOfSize(int size) {
        String head = "{\"eventId\":\"e1\",\"type\":\"upgrade\",\"userId\":\"42\","
                + "\"occurredAt\":\"2026-12-04T09:00:00Z\",\"properties\":{\"pad\":\"";
        String tail = "\"}}";
        return bytes(head + "p".repeat(size - head.length() - tail.length()) + tail);
    }

    private static Stream<Arguments> missingAndUnknownFields() {
        return Stream.of(
                arguments("an empty object", "{}", "missing field: type"),
                arguments("no eventId", event("eventId", null), "missing field: eventId"),
                arguments("a null eventId", event("eventId", "null"), "missing field: eventId"),
                arguments("no type", event("type", null), "missing field: type"),
                arguments("no userId", event("userId", null), "missing field: userId"),
                arguments("no occurredAt", event("occurredAt", null), "missing field: occurredAt"),
                arguments("a click without bookId", event("bookId", null), "missing field: bookId"),
                arguments("an unknown field", event("colour", "\"red\""), "unknown field: colour"),
                arguments("an unknown field with a long name", event("k".repeat(1000), "1"),
                        "unknown field: " + "k".repeat(64) + "…"),
                arguments("an unknown type", event("type", "\"like\""), "unknown type: like"),
                arguments("a type in upper case", event("type", "\"CLICK\""), "unknown type: CLICK"));
    }

    private static Stream<Arguments> rates() {
        String rule = "value must be an integer 1..5 for rate events, not ";
        return Stream.of(
                arguments("rate 0", event("type", "\"rate\"", "value", "0"), rule + "0"),
                arguments("rate 6", event("type", "\"rate\"", "value", "6"), rule + "6"),
                arguments("rate 2.5", event("type", "\"rate\"", "value", "2.5"), rule + "2.5"),
                arguments("rate 3.0", event("type", "\"rate\"", "value", "3.0"), rule + "3.0"),
                arguments("rate \"3\"", event("type", "\"rate\"", "value", "\"3\""), rule + "\"3\""),
                arguments("rate true", event("type", "\"rate\"", "value", "true"), rule + "true"),
                arguments("rate beyond 64 bits", event("type", "\"rate\"", "value", "18446744073709551619"),
                        rule + "18446744073709551619"),
                arguments("rate -1", event("type", "\"rate\"", "value", "-1"), rule + "-1"),
                arguments("rate without value", event("type", "\"rate\""), "missing field: value"),
                arguments("rate with null value", event("type", "\"rate\"", "value", "null"), "missing field: value"),
                arguments("a value on a click", event("value", "3"), "value is only allowed for rate events"));
    }

    private static Stream<Arguments> times() {
        String unparseable = "occurredAt is not an ISO-8601 instant: ";
        return Stream.of(
                arguments("occurredAt in words", event("occurredAt", "\"yesterday\""), unparseable + "yesterday"),
                arguments("occurredAt without time", event("occurredAt", "\"2026-12-04\""), unparseable + "2026-12-04"),
                arguments("occurredAt without zone", event("occurredAt", "\"2026-12-04T09:00:00\""),
                        unparseable + "2026-12-04T09:00:00"),
                arguments("occurredAt as a number", event("occurredAt", "1733306400"), "occurredAt must be a string"),
                arguments("occurredAt 5 minutes and 1 second ahead", event("occurredAt", "\"2026-12-04T10:05:01Z\""),
                        "occurredAt is more than 5 minutes in the future: 2026-12-04T10:05:01Z"),
                arguments("occurredAt in year 1", event("occurredAt", "\"0001-01-01T00:00:00Z\""),
                        "occurredAt is before 2000-01-01T00:00:00Z: 0001-01-01T00:00:00Z"),
                arguments("occurredAt a second before 2000", event("occurredAt", "\"1999-12-31T23:59:59Z\""),
                        "occurredAt is before 2000-01-01T00:00:00Z: 1999-12-31T23:59:59Z"));
    }

    private static Stream<Arguments> ids() {
        String tooLong = "\"" + "x".repeat(EventCodec.MAX_ID_LENGTH + 1) + "\"";
        return Stream.of(
                arguments("eventId of 129 characters", event("eventId", tooLong),
                        "eventId must have 1..128 characters"),
                arguments("userId of 129 characters", event("userId", tooLong), "userId must have 1..128 characters"),
                arguments("bookId of 129 characters", event("bookId", tooLong), "bookId must have 1..128 characters"),
                arguments("requestId of 129 characters", event("requestId", tooLong),
                        "requestId must have 1..128 characters"),
                arguments("a blank userId", event("userId", "\"  \""), "userId must have 1..128 characters"),
                arguments("an empty eventId", event("eventId", "\"\""), "eventId must have 1..128 characters"),
                arguments("a numeric userId", event("userId", "42"), "userId must be a string"),
                arguments("an object as bookId", event("bookId", "{}"), "bookId must be a string"));
    }

    private static Stream<Arguments> loneSurrogates() {
        return Stream.of(
                arguments("a lone high surrogate in eventId", event("eventId", "\"\\ud800\""),
                        "eventId contains an unpaired surrogate"),
                arguments("a lone low surrogate in type", event("type", "\"\\udc00x\""),
                        "type contains an unpaired surrogate"),
                arguments("a lone surrogate in userId", event("userId", "\"a\\ud83d\""),
                        "userId contains an unpaired surrogate"),
                arguments("a reversed pair in bookId", event("bookId", "\"\\udcd6\\ud83d\""),
                        "bookId contains an unpaired surrogate"),
                arguments("a lone surrogate in occurredAt", event("occurredAt", "\"\\ud800\""),
                        "occurredAt contains an unpaired surrogate"),
                arguments("a lone surrogate in requestId", event("requestId", "\"r\\udfff\""),
                        "requestId contains an unpaired surrogate"),
                arguments("a lone surrogate in platform", event("platform", "\"\\ud800ios\""),
                        "platform contains an unpaired surrogate"),
                arguments("a lone surrogate deep in properties",
                        event("properties", "{\"a\":[{\"b\":\"ok\"},{\"b\":\"\\ud800\"}]}"),
                        "properties.a[].b contains an unpaired surrogate"));
    }

    private static Stream<Arguments> nulCharacters() {
        return Stream.of(
                arguments("an escaped NUL in requestId", event("requestId", "\"r-\\u0000\""),
                        "requestId contains a NUL character"),
                arguments("an escaped NUL in userId", event("userId", "\"a\\u0000b\""),
                        "userId contains a NUL character"),
                arguments("an escaped NUL in bookId", event("bookId", "\"a\\u0000b\""),
                        "bookId contains a NUL character"),
                arguments("an escaped NUL deep in properties", event("properties", "{\"a\":[\"\\u0000\"]}"),
                        "properties.a[] contains a NUL character"),
                arguments("an escaped NUL in a properties key", event("properties", "{\"k\\u0000\":1}"),
                        "properties has a key that contains a NUL character"));
    }

    private static Stream<Arguments> otherFields() {
        return Stream.of(
                arguments("a platform of 33 characters", event("platform", "\"" + "p".repeat(33) + "\""),
                        "platform must have at most 32 characters"),
                arguments("properties as an array", event("properties", "[]"), "properties must be a JSON object"),
                arguments("an infinite number in properties", event("properties", "{\"x\":1e999}"),
                        "properties.x is a number out of range"),
                arguments("a negative infinite number in properties", event("properties", "{\"y\":[-1E400]}"),
                        "properties.y[] is a number out of range"),
                arguments("JSON null", "null", "event must be a JSON object, not null"),
                arguments("an array", "[" + VALID_CLICK + "]", "event must be a JSON object, not an array"),
                arguments("a bare string", "\"click\"", "event must be a JSON object, not a string"),
                arguments("a number", "42", "event must be a JSON object, not a number"),
                arguments("a boolean", "true", "event must be a JSON object, not a boolean"));
    }

    private static Stream<Arguments> duplicateKeys() {
        return Stream.of(
                arguments("a duplicate eventId", bytes(event("eventId", "\"a\"", "bookId", "\"1\"").replace(
                        "\"bookId\"", "\"eventId\"")), "duplicate key: eventId"),
                arguments("a duplicate key in properties", bytes(event("properties", "{\"a\":1,\"a\":1}")),
                        "duplicate key: a"),
                arguments("a duplicate key deep in properties",
                        bytes(event("properties", "{\"x\":{\"y\":[{\"b\":1,\"b\":2}]}}")), "duplicate key: b"));
    }

    private static Stream<Arguments> nesting() {
        String reason = "nesting deeper than 16 levels";
        int levels = EventCodec.MAX_NESTING_DEPTH;
        return Stream.of(
                arguments("17 levels of objects",
                        bytes(event("properties", "{\"a\":".repeat(levels) + "1" + "}".repeat(levels))), reason),
                arguments("17 levels of arrays", bytes(event("properties", "{\"a\":" + "[".repeat(levels - 1)
                        + "]".repeat(levels - 1) + "}")), reason),
                arguments("100,000 open brackets", bytes("[".repeat(100_000)), reason));
    }

    private static Stream<Arguments> longNumbers() {
        String reason = "number longer than 32 characters";
        return Stream.of(
                arguments("a value of 5,000 digits", bytes(event("type", "\"rate\"", "value", "9".repeat(5000))),
                        reason),
                arguments("an integer of 33 digits", number("1".repeat(33)), reason),
                arguments("a fraction of 5,000 digits", number("0." + "1".repeat(5000)), reason),
                arguments("an exponent of 5,000 digits", number("1e" + "9".repeat(5000)), reason),
                arguments("a negative number of 1,000,000 digits", number("-" + "7".repeat(1_000_000)), reason));
    }

    private static byte[] number(String digits) {
        return bytes(event("properties", "{\"n\":" + digits + "}"));
    }

    private static Stream<Arguments> keys() {
        return Stream.of(
                arguments("a lone surrogate in a key", bytes(event("\\ud800", "1")),
                        "a key contains an unpaired surrogate"),
                arguments("a lone surrogate in a key of properties", bytes(event("properties", "{\"\\udc00\":1}")),
                        "a key contains an unpaired surrogate"),
                arguments("a key of 1,025 characters", bytes(event("properties", "{\"" + "k".repeat(1025) + "\":1}")),
                        "key longer than 1024 characters"));
    }

    private static Stream<Arguments> syntax() {
        return Stream.of(
                arguments("an unclosed object", bytes("{\"eventId\":\"e1\""),
                        "invalid JSON at byte 15: Unexpected end-of-input: expected close marker for Object (start…"),
                arguments("NaN", bytes(event("properties", "{\"n\":NaN}")),
                        "invalid JSON at byte 117: Non-standard token 'NaN'"),
                arguments("single quotes", bytes("{'eventId':'e1'}"),
                        "invalid JSON at byte 1: Unexpected character (''' (code 39)): was expecting double-quote…"),
                arguments("a raw line break in a string", bytes(event("platform", "\"i\nos\"")),
                        "invalid JSON at byte 109: Illegal unquoted character ((CTRL-CHAR, code 10)): has to be esc…"));
    }

    private static Stream<Arguments> encodings() {
        return Stream.of(
                malformed("a broken two-byte sequence", new byte[] { (byte) 0xC3, 0x28 }, "0xc3 0x28 0x22 0x7d"),
                malformed("a stray continuation byte", new byte[] { (byte) 0x80 }, "0x80 0x22 0x7d"),
                malformed("an overlong slash", new byte[] { (byte) 0xC0, (byte) 0xAF }, "0xc0 0xaf 0x22 0x7d"),
                malformed("an overlong three-byte form", new byte[] { (byte) 0xE0, (byte) 0x80, (byte) 0xAF },
                        "0xe0 0x80 0xaf 0x22"),
                malformed("an encoded surrogate", new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
                        "0xed 0xa0 0x80 0x22"),
                malformed("a code point above U+10FFFF",
                        new byte[] { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, "0xf4 0x90 0x80 0x80"),
                malformed("a byte that never occurs", new byte[] { (byte) 0xFF }, "0xff 0x22 0x7d"),
                arguments("a sequence cut off at the end", concat(bytes(VALID_CLICK), new byte[] { (byte) 0xE2 }),
                        "invalid UTF-8 at byte 96: 0xe2"),
                arguments("a byte order mark",
                        concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, bytes(VALID_CLICK)),
                        "byte order mark at byte 0: JSON is read as UTF-8 without one"),
                arguments("UTF-16 little endian", VALID_CLICK.getBytes(StandardCharsets.UTF_16LE),
                        "invalid JSON at byte 1: NUL character"),
                arguments("UTF-16 big endian", VALID_CLICK.getBytes(StandardCharsets.UTF_16BE),
                        "invalid JSON at byte 0: NUL character"));
    }

    /** The bytes set into the value of {@code platform} of a valid click. */
    private static Arguments malformed(String rule, byte[] sequence, String hex) {
        String event = event("platform", "\"");
        byte[] record = concat(bytes(event.substring(0, event.length() - 1)), sequence, bytes("\"}"));
        return arguments(rule, record, "invalid UTF-8 at byte " + PLATFORM_VALUE_OFFSET + ": " + hex);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            joined.writeBytes(part);
        }
        return joined.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
