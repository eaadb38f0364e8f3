package io.curio.abtest.exposure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.curio.assignment.ImpressionSignature;
import io.curio.events.EngagementEvent;

/**
 * Impressions signed as inference-service signs them, with the key the tests run with (the local default of
 * {@code curio.impressions.signing-key}).
 */
final class SignedEvents {

    static final ImpressionSignature LOCAL = new ImpressionSignature("curio-local-impression-signing-key-0123456789");

    private SignedEvents() {
    }

    /** The impression with {@code properties.signature} over its facts. */
    static EngagementEvent signed(EngagementEvent impression) {
        return withProperty(impression, "signature", LOCAL.sign(SignedImpression.facts(impression)));
    }

    /** The event with one property set, or removed when {@code value} is {@code null}. */
    static EngagementEvent withProperty(EngagementEvent event, String name, Object value) {
        Map<String, Object> properties = new LinkedHashMap<>(event.properties());
        if (value == null) {
            properties.remove(name);
        }
        else {
            properties.put(name, value);
        }
        return new EngagementEvent(event.eventId(), event.type(), event.userId(), event.bookId(), event.occurredAt(),
                event.requestId(), event.value(), event.platform(), properties);
    }

}
