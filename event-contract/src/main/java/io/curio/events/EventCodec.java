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
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes engagement events as JSON, refusing hostile or invalid input cheaply and with a
 * reason a client can act on. The same rules apply on every entry point: the HTTP collector and the
 * stream consumers.
 */
public final class EventCodec {

    /** Largest accepted record, in bytes. */
    public static final int MAX_RECORD_BYTES = 1024 * 1024;

    /** Longest accepted id (event, user, book, request), in characters. */
    public static final int MAX_ID_LENGTH = 128;

    /** How far in the future {@code occurredAt} may lie, to allow for clock skew on devices. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private static final int MAX_NESTING_DEPTH = 16;

    private static final int MAX_NUMBER_LENGTH = 32;

    private static final Set<String> FIELDS = Set.of("eventId", "type", "userId", "bookId", "occurredAt",
            "requestId", "value", "platform", "properties");

    private final JsonMapper mapper;

    private final Clock clock;

    public EventCodec(Clock clock) {
        this.clock = clock;
        this.mapper = strictMapper();
    }

    /**
     * A mapper that refuses duplicate keys, deep nesting and absurdly long numbers while parsing,
     * before any of it reaches application code.
     */
    public static JsonMapper strictMapper() {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
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

    /** Parses one record (one JSON object) as it arrives on the stream. */
    public DecodedEvent decode(byte[] record) {
        if (record.length > MAX_RECORD_BYTES) {
            return new DecodedEvent.Invalid("record larger than " + MAX_RECORD_BYTES + " bytes");
        }
        JsonNode node;
        try {
            node = this.mapper.readTree(record);
        }
        catch (JacksonException ex) {
            return new DecodedEvent.Invalid("invalid JSON: " + firstLine(ex.getOriginalMessage()));
        }
        return validate(node);
    }

    /**
     * Parses an HTTP body: one event object or an array of them. Throws {@link MalformedEventsException}
     * when the body as a whole is unusable; single bad events come back as {@link DecodedEvent.Invalid}.
     */
    public List<DecodedEvent> decodeBatch(byte[] body, int maxEvents) {
        if (body.length == 0) {
            throw new MalformedEventsException("body is empty: expected an event object or an array of events");
        }
        JsonNode root;
        try {
            root = this.mapper.readTree(body);
        }
        catch (JacksonException ex) {
            throw new MalformedEventsException("invalid JSON: " + firstLine(ex.getOriginalMessage()));
        }
        if (root.isObject()) {
            return List.of(validate(root));
        }
        if (!root.isArray()) {
            throw new MalformedEventsException("body must be an event object or an array of events");
        }
        if (root.isEmpty() || root.size() > maxEvents) {
            throw new MalformedEventsException("an event array holds 1.." + maxEvents + " events, not " + root.size());
        }
        List<DecodedEvent> decoded = new ArrayList<>(root.size());
        for (JsonNode element : root) {
            decoded.add(validate(element));
        }
        return decoded;
    }

    /** Validates one parsed event object against the contract. */
    public DecodedEvent validate(JsonNode node) {
        if (!node.isObject()) {
            return new DecodedEvent.Invalid("event must be a JSON object");
        }
        try {
            return new DecodedEvent.Valid(toEvent((ObjectNode) node));
        }
        catch (InvalidEventException ex) {
            return new DecodedEvent.Invalid(ex.getMessage());
        }
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

    private EngagementEvent toEvent(ObjectNode node) {
        for (String name : node.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw new InvalidEventException("unknown field: " + name);
            }
        }
        EventType type = type(node);
        String bookId = id(node, "bookId", type.isAboutABook());
        return new EngagementEvent(id(node, "eventId", true), type, id(node, "userId", true), bookId,
                occurredAt(node), id(node, "requestId", false), value(node, type), platform(node),
                properties(node));
    }

    private EventType type(ObjectNode node) {
        String name = text(node, "type", true);
        return EventType.fromWireName(name)
            .orElseThrow(() -> new InvalidEventException("unknown type: " + truncate(name)));
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
            throw new InvalidEventException("occurredAt is not an ISO-8601 instant: " + truncate(text));
        }
        if (occurredAt.isAfter(this.clock.instant().plus(MAX_CLOCK_SKEW))) {
            throw new InvalidEventException("occurredAt is more than 5 minutes in the future: " + text);
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
        if (!present || !value.isIntegralNumber() || value.asLong() < 1 || value.asLong() > 5) {
            throw new InvalidEventException("value must be an integer 1..5 for rate events");
        }
        return value.asInt();
    }

    private String platform(ObjectNode node) {
        String platform = text(node, "platform", false);
        if (platform != null && platform.length() > 32) {
            throw new InvalidEventException("platform must have at most 32 characters");
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
        rejectLoneSurrogates(properties, "properties");
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
        return text;
    }

    private void rejectLoneSurrogates(JsonNode node, String path) {
        if (node.isString() && hasLoneSurrogate(node.asString())) {
            throw new InvalidEventException(path + " contains an unpaired surrogate");
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (hasLoneSurrogate(entry.getKey())) {
                throw new InvalidEventException(path + " has a key with an unpaired surrogate");
            }
            rejectLoneSurrogates(entry.getValue(), path + "." + entry.getKey());
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                rejectLoneSurrogates(element, path + "[]");
            }
        }
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

    private static String truncate(String text) {
        return (text.length() <= 64) ? text : text.substring(0, 64) + "…";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return truncate((newline < 0) ? message : message.substring(0, newline));
    }

    /** Raw bytes as UTF-8 text, for rejected records kept with their reason. */
    public static String asText(byte[] record) {
        return new String(record, StandardCharsets.UTF_8);
    }

    private static final class InvalidEventException extends RuntimeException {

        InvalidEventException(String reason) {
            super(reason, null, false, false);
        }

    }

}
