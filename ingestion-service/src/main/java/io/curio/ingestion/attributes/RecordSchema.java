package io.curio.ingestion.attributes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * The check every polled record passes before it goes into a snapshot: an object with a non-blank
 * string id of at most 128 characters that no earlier record used, and for books a non-blank string
 * {@code title}. The optional fields feature-service reads must have its types when present (strings
 * {@code language} and {@code plan}, string arrays {@code authors} and {@code tags}, a whole
 * {@code year} of at most four digits, a boolean {@code premiumOnly}, no NUL character), because it
 * refuses a whole snapshot for one record that does not fit. A failing record is left out and counted
 * under its reason:
 * {@code not-an-object}, {@code missing-id}, {@code blank-id}, {@code id-too-long},
 * {@code duplicate-id}, {@code missing-title} or {@code invalid-field}.
 */
final class RecordSchema {

    static final int MAX_ID_LENGTH = 128;

    private RecordSchema() {
    }

    static ScreenedItems screen(AttributeEntity entity, List<JsonNode> items) {
        List<JsonNode> accepted = new ArrayList<>(items.size());
        Map<String, Integer> rejected = new TreeMap<>();
        Set<String> ids = new HashSet<>();
        Set<String> withheld = new LinkedHashSet<>();
        for (JsonNode item : items) {
            Optional<String> reason = rejection(entity, item, ids);
            if (reason.isPresent()) {
                rejected.merge(reason.get(), 1, Integer::sum);
                withholdIfIdentified(entity, item, reason.get(), withheld);
            }
            else {
                accepted.add(item);
            }
        }
        withheld.removeAll(ids);
        return new ScreenedItems(accepted, rejected, List.copyOf(withheld));
    }

    /** A record refused for its content rather than its id still names a known entity. */
    private static void withholdIfIdentified(AttributeEntity entity, JsonNode item, String reason,
            Set<String> withheld) {
        if (reason.equals("missing-title") || reason.equals("invalid-field")) {
            withheld.add(item.get(entity.idField()).asString());
        }
    }

    private static Optional<String> rejection(AttributeEntity entity, JsonNode item, Set<String> ids) {
        if (!item.isObject()) {
            return Optional.of("not-an-object");
        }
        Optional<String> idProblem = idProblem(item.get(entity.idField()));
        if (idProblem.isPresent()) {
            return idProblem;
        }
        if (entity == AttributeEntity.BOOKS && isBlankOrNotText(item.get("title"))) {
            return Optional.of("missing-title");
        }
        if (!optionalFieldsFit(entity, item)) {
            return Optional.of("invalid-field");
        }
        return ids.add(item.get(entity.idField()).asString()) ? Optional.empty() : Optional.of("duplicate-id");
    }

    private static Optional<String> idProblem(JsonNode id) {
        if (id == null || !id.isString()) {
            return Optional.of("missing-id");
        }
        if (id.asString().isBlank()) {
            return Optional.of("blank-id");
        }
        return (id.asString().length() > MAX_ID_LENGTH) ? Optional.of("id-too-long") : Optional.empty();
    }

    private static boolean optionalFieldsFit(AttributeEntity entity, JsonNode item) {
        if (entity == AttributeEntity.USERS) {
            return isTextOrAbsent(item.get("plan")) && isTextOrAbsent(item.get("language"));
        }
        return isTextOrAbsent(item.get("title")) && isTextOrAbsent(item.get("language"))
                && isTextArrayOrAbsent(item.get("authors")) && isTextArrayOrAbsent(item.get("tags"))
                && isYearOrAbsent(item.get("year")) && isBooleanOrAbsent(item.get("premiumOnly"));
    }

    private static boolean isBooleanOrAbsent(JsonNode value) {
        return value == null || value.isNull() || value.isBoolean();
    }

    private static boolean isTextOrAbsent(JsonNode value) {
        return value == null || value.isNull() || (value.isString() && value.asString().indexOf('\0') < 0);
    }

    private static boolean isTextArrayOrAbsent(JsonNode value) {
        if (value == null || value.isNull()) {
            return true;
        }
        if (!value.isArray()) {
            return false;
        }
        for (JsonNode element : value) {
            if (element.isNull() || !isTextOrAbsent(element)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isYearOrAbsent(JsonNode value) {
        if (value == null || value.isNull()) {
            return true;
        }
        double year = value.asDouble();
        return value.isNumber() && year == Math.rint(year) && Math.abs(year) <= 9999;
    }

    private static boolean isBlankOrNotText(JsonNode value) {
        return value == null || !value.isString() || value.asString().isBlank();
    }

}
