package io.curio.abtest.exposure;

import java.util.List;
import java.util.Map;

import io.curio.assignment.ImpressionSignature;
import io.curio.assignment.ImpressionSignature.Facts;
import io.curio.events.EngagementEvent;

/**
 * Reads from an impression event the facts inference-service signed and the signature it carries in
 * {@code properties.signature}. A value of the wrong type is read as absent, so it can only make the signature
 * fail, never fail the batch.
 */
final class SignedImpression {

    private SignedImpression() {
    }

    /** The facts of an impression exactly as the event states them. */
    static Facts facts(EngagementEvent event) {
        Map<String, Object> properties = event.properties();
        Map<?, ?> canary = (properties.get("canary") instanceof Map<?, ?> map) ? map : Map.of();
        return new Facts(event.requestId(), event.userId(), text(properties.get("surface")),
                text(properties.get("experiment")), text(properties.get("variant")),
                text(properties.get("algorithm")), text(properties.get("modelVersion")),
                Boolean.TRUE.equals(properties.get("degraded")), text(canary.get("id")), text(canary.get("arm")),
                bookIds(properties.get("bookIds")));
    }

    /** The signature the event carries, or {@code null}. */
    static String signature(EngagementEvent event) {
        return text(event.properties().get("signature"));
    }

    /** The shown books, top first; empty when the property is missing or holds anything but strings. */
    static List<String> bookIds(Object value) {
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            return List.of();
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static String text(Object value) {
        return (value instanceof String text) ? text : null;
    }

}
