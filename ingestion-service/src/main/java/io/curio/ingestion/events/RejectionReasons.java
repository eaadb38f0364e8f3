package io.curio.ingestion.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import io.curio.events.EventCodec;

/**
 * Sorts the reasons {@code EventCodec} refuses an event for into the {@code reason} tag of the rejection
 * metric, one tag per rule. Reasons quote the bad value and would make the tag unbounded. A reason
 * names its rule either at its start, before any quoted input, or at its end, after the field it is
 * about; the start is matched first, so quoted input can never pick the tag.
 */
public final class RejectionReasons {

    /** The tag of a reason no rule knows; a new rule of the codec needs a tag here. */
    public static final String UNCLASSIFIED = "unclassified";

    private static final List<Map.Entry<String, String>> BY_START = List.of(
            Map.entry("record larger than", "too-large"),
            Map.entry("event larger than", "too-large"),
            Map.entry("request body is larger than", "too-large"),
            Map.entry("record is empty", "empty"),
            Map.entry("body is empty", "empty"),
            Map.entry("body must be an event object or an array", "not-an-object"),
            Map.entry("an event array holds", "batch-size"),
            Map.entry("invalid UTF-8", "invalid-utf8"),
            Map.entry("byte order mark", "invalid-utf8"),
            Map.entry("a key contains an unpaired surrogate", "unpaired-surrogate"),
            Map.entry("duplicate key", "duplicate-key"),
            Map.entry("nesting deeper than", "too-deep"),
            Map.entry("number longer than", "number-too-long"),
            Map.entry("key longer than", "key-too-long"),
            Map.entry("invalid JSON", "invalid-json"),
            Map.entry("event must be a JSON object", "not-an-object"),
            Map.entry("unknown field", "unknown-field"),
            Map.entry("missing field", "missing-field"),
            Map.entry("unknown type", "unknown-type"),
            Map.entry("occurredAt is more than", "future-time"),
            Map.entry("occurredAt is not", "invalid-time"),
            Map.entry("occurredAt is before", "past-time"),
            Map.entry("value ", "invalid-value"),
            Map.entry("properties must be", "wrong-type"),
            Map.entry("platform must have", "invalid-platform"));

    private static final List<Map.Entry<String, String>> BY_END = List.of(
            Map.entry("contains an unpaired surrogate", "unpaired-surrogate"),
            Map.entry("contains a NUL character", "nul-character"),
            Map.entry("is a number out of range", "number-out-of-range"),
            Map.entry("must be a string", "wrong-type"),
            Map.entry("must have 1.." + EventCodec.MAX_ID_LENGTH + " characters", "invalid-id"));

    private RejectionReasons() {
    }

    /** The tag of a reason given by {@code EventCodec}; {@value #UNCLASSIFIED} for any other text. */
    public static String classify(String reason) {
        return first(BY_START, reason::startsWith).or(() -> first(BY_END, reason::endsWith)).orElse(UNCLASSIFIED);
    }

    private static Optional<String> first(List<Map.Entry<String, String>> rules, Predicate<String> matches) {
        return rules.stream().filter((rule) -> matches.test(rule.getKey())).map(Map.Entry::getValue).findFirst();
    }

}
