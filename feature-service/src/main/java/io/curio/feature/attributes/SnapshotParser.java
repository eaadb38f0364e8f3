package io.curio.feature.attributes;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.curio.events.EventCodec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads attribute snapshots, {@code {"entity","polledAt","source","items":[…]}}, refusing the whole
 * snapshot at the first item that does not fit: a half-applied catalogue is worse than a stale one.
 */
public final class SnapshotParser {

    private static final int MAX_ID_LENGTH = 128;

    private final JsonMapper mapper = EventCodec.strictMapper();

    public Snapshot<BookAttributes> books(SnapshotKey key, byte[] json) {
        Snapshot<BookAttributes> snapshot = parse(key, json, SnapshotParser::book, BookAttributes::bookId);
        if (snapshot.items().isEmpty()) {
            throw new MalformedSnapshotException("books snapshot " + key.key() + " lists no book");
        }
        return snapshot;
    }

    public Snapshot<UserAttributes> users(SnapshotKey key, byte[] json) {
        return parse(key, json, SnapshotParser::user, UserAttributes::userId);
    }

    private <T> Snapshot<T> parse(SnapshotKey key, byte[] json, Function<JsonNode, T> item, Function<T, String> id) {
        JsonNode root = readTree(key, json);
        try {
            requireEntity(root, key.entity());
            return new Snapshot<>(key, polledAt(root), items(root, item, id), withheld(root));
        }
        catch (MalformedSnapshotException ex) {
            throw new MalformedSnapshotException(key.key() + ": " + ex.getMessage());
        }
    }

    private JsonNode readTree(SnapshotKey key, byte[] json) {
        try {
            JsonNode root = this.mapper.readTree(json);
            if (root == null || !root.isObject()) {
                throw new MalformedSnapshotException(key.key() + ": not a JSON object");
            }
            return root;
        }
        catch (JacksonException ex) {
            throw new MalformedSnapshotException(key.key() + ": invalid JSON: " + ex.getOriginalMessage());
        }
    }

    private static void requireEntity(JsonNode root, Entity entity) {
        String named = text(root, "entity", true);
        if (!entity.wireName().equals(named)) {
            throw new MalformedSnapshotException("entity is " + named + ", expected " + entity.wireName());
        }
    }

    private static Instant polledAt(JsonNode root) {
        String polledAt = text(root, "polledAt", true);
        try {
            return Instant.parse(polledAt);
        }
        catch (DateTimeParseException ex) {
            throw new MalformedSnapshotException("polledAt is not an ISO-8601 instant: " + polledAt);
        }
    }

    /** The ids ingestion left out as malformed; snapshots written before it said so have none. */
    private static List<String> withheld(JsonNode root) {
        JsonNode withheld = root.get("withheld");
        if (withheld == null || withheld.isNull()) {
            return List.of();
        }
        if (!withheld.isArray()) {
            throw new MalformedSnapshotException("withheld must be an array of ids");
        }
        List<String> ids = new ArrayList<>(withheld.size());
        for (JsonNode id : withheld) {
            if (!id.isString() || id.asString().indexOf('\0') >= 0) {
                throw new MalformedSnapshotException("withheld must be an array of ids");
            }
            ids.add(id.asString());
        }
        return ids;
    }

    private static <T> List<T> items(JsonNode root, Function<JsonNode, T> item, Function<T, String> id) {
        JsonNode items = root.get("items");
        if (items == null || !items.isArray()) {
            throw new MalformedSnapshotException("items must be an array");
        }
        List<T> parsed = new ArrayList<>(items.size());
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < items.size(); index++) {
            T value = itemAt(items.get(index), index, item);
            if (!ids.add(id.apply(value))) {
                throw new MalformedSnapshotException("items[" + index + "] repeats id " + id.apply(value));
            }
            parsed.add(value);
        }
        return parsed;
    }

    private static <T> T itemAt(JsonNode node, int index, Function<JsonNode, T> item) {
        if (!node.isObject()) {
            throw new MalformedSnapshotException("items[" + index + "] is not an object");
        }
        try {
            return item.apply(node);
        }
        catch (MalformedSnapshotException ex) {
            throw new MalformedSnapshotException("items[" + index + "]." + ex.getMessage());
        }
    }

    private static BookAttributes book(JsonNode node) {
        return new BookAttributes(id(node, "bookId"), text(node, "title", true), texts(node, "authors"),
                text(node, "language", false), year(node), texts(node, "tags"), flag(node, "premiumOnly"));
    }

    private static UserAttributes user(JsonNode node) {
        return new UserAttributes(id(node, "userId"), text(node, "plan", false), text(node, "language", false));
    }

    private static String id(JsonNode node, String field) {
        String id = text(node, field, true);
        if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new MalformedSnapshotException(field + " must have 1.." + MAX_ID_LENGTH + " characters");
        }
        return id;
    }

    private static Integer year(JsonNode node) {
        JsonNode year = node.get("year");
        if (year == null || year.isNull()) {
            return null;
        }
        if (!year.isNumber() || year.asDouble() != Math.rint(year.asDouble()) || Math.abs(year.asDouble()) > 9999) {
            throw new MalformedSnapshotException("year must be a whole number of at most four digits");
        }
        return (int) year.asDouble();
    }

    /** An optional boolean: absent or {@code null} is {@code false}. */
    private static boolean flag(JsonNode node, String field) {
        JsonNode flag = node.get(field);
        if (flag == null || flag.isNull()) {
            return false;
        }
        if (!flag.isBoolean()) {
            throw new MalformedSnapshotException(field + " must be true or false");
        }
        return flag.asBoolean();
    }

    private static List<String> texts(JsonNode node, String field) {
        JsonNode array = node.get(field);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new MalformedSnapshotException(field + " must be an array of strings");
        }
        List<String> texts = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            if (!element.isString() || hasNul(element.asString())) {
                throw new MalformedSnapshotException(field + " must be an array of strings");
            }
            texts.add(element.asString());
        }
        return texts;
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new MalformedSnapshotException(field + " is missing");
            }
            return null;
        }
        if (!value.isString() || hasNul(value.asString())) {
            throw new MalformedSnapshotException(field + " must be a string");
        }
        return value.asString();
    }

    private static boolean hasNul(String text) {
        return text.indexOf('\0') >= 0;
    }

}
