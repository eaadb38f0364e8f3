package io.curio.ingestion.events;

import java.util.List;
import java.util.Map;

/**
 * Sorts the reasons an event was refused into a few classes, the {@code reason} tag of the rejection
 * metric. Reasons themselves quote the bad value and would make the tag unbounded.
 */
public final class RejectionReasons {

    private static final List<Map.Entry<String, String>> CLASSES = List.of(
            Map.entry("record larger than", "too-large"),
            Map.entry("invalid JSON", "invalid-json"),
            Map.entry("event must be a JSON object", "not-an-object"),
            Map.entry("unknown field", "unknown-field"),
            Map.entry("missing field", "missing-field"),
            Map.entry("unknown type", "unknown-type"),
            Map.entry("occurredAt", "invalid-time"),
            Map.entry("value ", "invalid-value"));

    private RejectionReasons() {
    }

    /** The class of a reason given by {@code EventCodec}; {@code invalid-field} for any other. */
    public static String classify(String reason) {
        return CLASSES.stream()
            .filter((entry) -> reason.startsWith(entry.getKey()))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse("invalid-field");
    }

}
