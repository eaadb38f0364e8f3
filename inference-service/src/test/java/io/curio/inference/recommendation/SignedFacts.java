package io.curio.inference.recommendation;

import java.util.List;
import java.util.Map;

import io.curio.assignment.ImpressionSignature;
import io.curio.events.EngagementEvent;

/**
 * Reads an impression the way a verifier does: the signed facts from the event's own fields, by name, and the
 * signature from {@code properties.signature}.
 */
public final class SignedFacts {

    private SignedFacts() {
    }

    /** The facts the event states: its request and user, and the list's properties. */
    public static ImpressionSignature.Facts of(EngagementEvent impression) {
        Map<String, Object> properties = impression.properties();
        Map<?, ?> canary = (properties.get("canary") != null) ? (Map<?, ?>) properties.get("canary") : Map.of();
        List<String> bookIds = ((List<?>) properties.get("bookIds")).stream().map(String.class::cast).toList();
        return new ImpressionSignature.Facts(impression.requestId(), impression.userId(),
                (String) properties.get("surface"), (String) properties.get("experiment"),
                (String) properties.get("variant"), (String) properties.get("algorithm"),
                (String) properties.get("modelVersion"), (Boolean) properties.get("degraded"),
                (String) canary.get("id"), (String) canary.get("arm"), bookIds);
    }

    /** The signature the event carries. */
    public static String signature(EngagementEvent impression) {
        return (String) impression.properties().get("signature");
    }

}
