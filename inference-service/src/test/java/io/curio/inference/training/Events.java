package io.curio.inference.training;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.curio.events.EngagementEvent;
import io.curio.events.EventType;

/** Hand-made engagement events for tests. */
final class Events {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private Events() {
    }

    static EngagementEvent event(String user, EventType type, String book, Integer value, Instant at) {
        return new EngagementEvent(UUID.randomUUID().toString(), type, user, book, at, null, value, null, Map.of());
    }

    static EngagementEvent liked(String user, String book) {
        return event(user, EventType.ADD_TO_LIBRARY, book, null, T0);
    }

    static EngagementEvent liked(String user, String book, Instant at) {
        return event(user, EventType.ADD_TO_LIBRARY, book, null, at);
    }

}
