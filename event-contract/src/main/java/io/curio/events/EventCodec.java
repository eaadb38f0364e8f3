package io.curio.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes engagement events as JSON, refusing hostile or invalid input cheaply and with a
 * reason a client can act on. The same rules apply on every entry point: the HTTP collector and the
 * stream consumers. Reasons are stable, name the field, and quote at most a short piece of the input.
 */
public final class EventCodec {

    /** Largest accepted record, in bytes. */
    public static final int MAX_RECORD_BYTES = 1024 * 1024;

    /** Longest accepted id (event, user, book, request), in characters. */
    public static final int MAX_ID_LENGTH = 128;

    /**
     * The earliest accepted {@code occurredAt}: nothing older happened in a reading app, and a date
     * centuries back would skew every time-decayed model trained from the hub.
     */
    public static final Instant EARLIEST_OCCURRED_AT = Instant.parse("2000-01-01T00:00:00Z");

    /** How far in the future {@code occurredAt} may lie, to allow for clock skew on devices. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    /** Deepest nesting of arrays and objects, the event object included. */
    public static final int MAX_NESTING_DEPTH = 16;

    /** Longest number, in characters: refused while parsing, before any big number is built. */
    public static final int MAX_NUMBER_LENGTH = 32;

    /** Longest object key, in characters. */
    public static final int MAX_KEY_LENGTH = 1024;

    private static final int MAX_PLATFORM_LENGTH = 32;

    private static final int MAX_QUOTED_LENGTH = 64;

    private static final Set<String> FIELDS = Set.of("eventId", "type", "userId", "bookId", "occurredAt",
            "requestId", "value", "platform", "properties");

    private final JsonMapper mapper;

    private final ObjectReader elementReader;

    private final Clock clock;

    public EventCodec(Clock clock) {
        this.clock = clock;
        this.mapper = strictMapper();
        this.elementReader = this.mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * A mapper that refuses duplicate keys, deep nesting, absurdly long numbers and keys, and trailing
     * content while parsing, before any of it reaches application code.
     */
    public static JsonMapper strictMapper() {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxNameLength(MAX_KEY_LENGTH)
            .maxStringLength(MAX_RECORD_BYTES)
            .build();
        JsonFactory factory = JsonFactory.builder()
            .streamReadConstraints(constraints)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
        return JsonMapper.builder(factory).build();
    }

    public JsonMapper mapper() {
        return this.mapper;
    }

    /** Reads one record (one JSON object) as it arrives on the stream; never throws for bad input. */
    public DecodedEvent decode(byte[] record) {
        try {
            if (record.length > MAX_RECORD_BYTES) {
                throw new InvalidEventException("record larger than " + MAX_RECORD_BYTES + " bytes");
            }
            checkEncoding(record);
            return new DecodedEvent.Valid(toEvent(parse(record)));
        }
        catch (InvalidEventException ex) {
            return new DecodedEvent.Invalid(ex.getMessage());
        }
    }

    /**
     * Reads an HTTP body: one event object or an array of 1..{@code maxEvents}. Throws
     * {@link MalformedEventsException} when the body as a whole is unusable (not UTF-8, not JSON, hostile
     * JSON, not an object or array, too many events); single bad events come back as
     * {@link DecodedEvent.Invalid}, and so does a valid event too large for one stream record.
     */
    public List<DecodedEvent> decodeBatch(byte[] body, int maxEvents) {
        List<JsonNode> elements;
        try {
            checkEncoding(body);
            elements = parseBatch(body, maxEvents);
        }
        catch (InvalidEventException ex) {
            throw new MalformedEventsException(ex.getMessage());
        }
        List<DecodedEvent> decoded = new ArrayList<>(elements.size());
        for (JsonNode element : elements) {
            decoded.add(fitForTheStream(validate(element)));
        }
        return decoded;
    }

    /** The canonical JSON form of an event, one line, UTF-8. */
    public byte[] encode(EngagementEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventId", event.eventId());
        json.put("type", event.type().wireName());
        json.put("userId", event.userId());
        json.put("bookId", event.bookId());
        json.put("occurredAt", event.occurredAt().toString());
        json.put("requestId", event.requestId());
        json.put("value", event.value());
        json.put("platform", event.platform());
        json.put("properties", event.properties());
        return this.mapper.writeValueAsBytes(json);
    }

    /**
     * Refuses what is not plain UTF-8 before the parser sees it: the parser would otherwise guess UTF-16
     * or UTF-32 from NUL bytes, skip a byte order mark, and read overlong forms as other characters.
     */
    private static void checkEncoding(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF) {
            throw new InvalidEventException("byte order mark at byte 0: JSON is read as UTF-8 without one");
        }
        for (int i = 0; i < Math.min(bytes.length, 4); i++) {
            if (bytes[i] == 0) {
                throw new InvalidEventException("invalid JSON at byte " + i + ": NUL character");
            }
        }
        int malformed = Utf8Bytes.firstMalformed(bytes);
        if (malformed >= 0) {
            throw new InvalidEventException(
                    "invalid UTF-8 at byte " + malformed + ": " + Utf8Bytes.hex(bytes, malformed));
        }
    }

    private JsonNode parse(byte[] record) {
        try {
            return this.mapper.readTree(record);
        }
        catch (JacksonException ex) {
            throw new InvalidEventException(UnreadableJson.reason(ex));
        }
    }

    private List<JsonNode> parseBatch(byte[] body, int maxEvents) {
        try (JsonParser parser = this.mapper.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidEventException("body is empty: expected an event object or an array of events");
            }
            List<JsonNode> elements = (first == JsonToken.START_ARRAY) ? arrayElements(parser, maxEvents)
                    : List.of(rootObject(parser));
            if (parser.nextToken() != null) {
                throw new InvalidEventException("invalid JSON at byte "
                        + parser.currentTokenLocation().getByteOffset() + ": content after the events");
            }
            return elements;
        }
        catch (JacksonException ex) {
            throw new InvalidEventException(UnreadableJson.reason(ex));
        }
    }

    private JsonNode rootObject(JsonParser parser) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new InvalidEventException("body must be an event object or an array of events");
        }
        return this.elementReader.readTree(parser);
    }

    /** Stops reading at the first element over the limit, so an oversized array is never built. */
    private List<JsonNode> arrayElements(JsonParser parser, int maxEvents) {
        List<JsonNode> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (elements.size() == maxEvents) {
                throw new InvalidEventException("an event array holds 1.." + maxEvents + " events, not more");
            }
            elements.add(this.elementReader.readTree(parser));
        }
        if (elements.isEmpty()) {
            throw new InvalidEventException("an event array holds 1.." + maxEvents + " events, not 0");
        }
        return elements;
    }

    private DecodedEvent validate(JsonNode node) {
        try {
            return new DecodedEvent.Valid(toEvent(node));
        }
        catch (InvalidEventException ex) {
            return new DecodedEvent.Invalid(ex.getMessage());
        }
    }

    /** A stream record holds at most 1 MiB with its partition key; the canonical form can outgrow the input. */
    private DecodedEvent fitForTheStream(DecodedEvent decoded) {
        if (decoded instanceof DecodedEvent.Valid valid) {
            EngagementEvent event = valid.event();
            long size = encode(event).length + (long) event.userId().getBytes(StandardCharsets.UTF_8).length;
            if (size > MAX_RECORD_BYTES) {
                return new DecodedEvent.Invalid("event larger than " + MAX_RECORD_BYTES + " bytes on the stream");
            }
        }
        return decoded;
    }

    private EngagementEvent toEvent(JsonNode node) {
        if (node.isMissingNode()) {
            throw new InvalidEventException("record is empty");
        }
        if (!node.isObject()) {
            throw new InvalidEventException("event must be a JSON object, not " + kind(node));
        }
        for (String name : node.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw new InvalidEventException("unknown field: " + quote(name));
            }
        }
        ObjectNode object = (ObjectNode) node;
        EventType type = type(object);
        String bookId = id(object, "bookId", type.isAboutABook());
        return new EngagementEvent(id(object, "eventId", true), type, id(object, "userId", true), bookId,
                occurredAt(object), id(object, "requestId", false), value(object, type), platform(object),
                properties(object));
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> "null";
        };
    }

    private EventType type(ObjectNode node) {
        String name = text(node, "type", true);
        return EventType.fromWireName(name)
            .orElseThrow(() -> new InvalidEventException("unknown type: " + quote(name)));
    }

    private String id(ObjectNode node, String field, boolean required) {
        String id = text(node, field, required);
        if (id != null && (id.isBlank() || id.length() > MAX_ID_LENGTH)) {
            throw new InvalidEventException(field + " must have 1.." + MAX_ID_LENGTH + " characters");
        }
        return id;
    }

    private Instant occurredAt(ObjectNode node) {
        String text = text(node, "occurredAt", true);
        Instant occurredAt;
        try {
            occurredAt = Instant.parse(text);
        }
        catch (DateTimeParseException ex) {
            throw new InvalidEventException("occurredAt is not an ISO-8601 instant: " + quote(text));
        }
        if (occurredAt.isAfter(this.clock.instant().plus(MAX_CLOCK_SKEW))) {
            throw new InvalidEventException("occurredAt is more than 5 minutes in the future: " + quote(text));
        }
        if (occurredAt.isBefore(EARLIEST_OCCURRED_AT)) {
            throw new InvalidEventException("occurredAt is before " + EARLIEST_OCCURRED_AT + ": " + quote(text));
        }
        return occurredAt;
    }

    private Integer value(ObjectNode node, EventType type) {
        JsonNode value = node.get("value");
        boolean present = value != null && !value.isNull();
        if (type != EventType.RATE) {
            if (present) {
                throw new InvalidEventException("value is only allowed for rate events");
            }
            return null;
        }
        if (!present) {
            throw new InvalidEventException("missing field: value");
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1 || value.intValue() > 5) {
            throw new InvalidEventException(
                    "value must be an integer 1..5 for rate events, not " + quote(value.toString()));
        }
        return value.intValue();
    }

    private String platform(ObjectNode node) {
        String platform = text(node, "platform", false);
        if (platform != null && platform.length() > MAX_PLATFORM_LENGTH) {
            throw new InvalidEventException("platform must have at most " + MAX_PLATFORM_LENGTH + " characters");
        }
        return platform;
    }

    private Map<String, Object> properties(ObjectNode node) {
        JsonNode properties = node.get("properties");
        if (properties == null || properties.isNull()) {
            return Map.of();
        }
        if (!properties.isObject()) {
            throw new InvalidEventException("properties must be a JSON object");
        }
        checkPropertyValues(properties, "properties");
        @SuppressWarnings("unchecked")
        Map<String, Object> map = this.mapper.convertValue(properties, Map.class);
        return map;
    }

    private String text(ObjectNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidEventException("missing field: " + field);
            }
            return null;
        }
        if (!value.isString()) {
            throw new InvalidEventException(field + " must be a string");
        }
        String text = value.asString();
        if (hasLoneSurrogate(text)) {
            throw new InvalidEventException(field + " contains an unpaired surrogate");
        }
        if (hasNul(text)) {
            throw new InvalidEventException(field + " contains a NUL character");
        }
        return text;
    }

    /**
     * Strings must be valid Unicode (escapes can spell a lone surrogate) and numbers finite (an exponent
     * can overflow a double). Keys were checked by the parser.
     */
    private static void checkPropertyValues(JsonNode node, String path) {
        if (node.isString() && hasLoneSurrogate(node.asString())) {
            throw new InvalidEventException(quote(path) + " contains an unpaired surrogate");
        }
        if (node.isString() && hasNul(node.asString())) {
            throw new InvalidEventException(quote(path) + " contains a NUL character");
        }
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            throw new InvalidEventException(quote(path) + " is a number out of range");
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (hasNul(entry.getKey())) {
                throw new InvalidEventException(quote(path) + " has a key that contains a NUL character");
            }
            checkPropertyValues(entry.getValue(), path + "." + entry.getKey());
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                checkPropertyValues(element, path + "[]");
            }
        }
    }

    /** PostgreSQL text and jsonb cannot hold U+0000, so no consumer could store such an event. */
    private static boolean hasNul(String text) {
        return text.indexOf('\u0000') >= 0;
    }

    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            }
            else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A piece of the input fit to quote in a reason: at most 64 characters, never half a surrogate pair,
     * with control characters and lone surrogates shown as U+FFFD.
     */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder();
        int i = 0;
        while (i < text.length() && quoted.length() < MAX_QUOTED_LENGTH) {
            int codePoint = text.codePointAt(i);
            boolean printable = !Character.isISOControl(codePoint)
                    && Character.getType(codePoint) != Character.SURROGATE;
            quoted.appendCodePoint(printable ? codePoint : '\uFFFD');
            i += Character.charCount(codePoint);
        }
        return (i < text.length()) ? quoted.append('…').toString() : quoted.toString();
    }

    /**
     * Raw bytes as UTF-8 text, for rejected records kept with their reason. Malformed sequences become
     * U+FFFD; the reason of such a record names the offset and bytes of the first one.
     */
    public static String asText(byte[] record) {
        return new String(record, StandardCharsets.UTF_8);
    }

    /** Whether the record is well-formed UTF-8, so that {@link #asText} keeps every byte of it. */
    public static boolean isUtf8(byte[] record) {
        return Utf8Bytes.firstMalformed(record) < 0;
    }

    private static final class InvalidEventException extends RuntimeException {

        InvalidEventException(String reason) {
            super(reason, null, false, false);
        }

    }

}
