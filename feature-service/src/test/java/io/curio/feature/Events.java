package io.curio.feature;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.curio.events.EngagementEvent;
import io.curio.events.EventCodec;
import io.curio.events.EventType;

/**
 * Engagement events for tests, in the canonical JSON form.
 */
public final class Events {

    public static final EventCodec CODEC = new EventCodec(Clock.systemUTC());

    private Events() {
    }

    public static EngagementEvent event(String eventId, EventType type, String userId, String bookId,
            Integer value, String occurredAt) {
        return new EngagementEvent(eventId, type, userId, bookId, Instant.parse(occurredAt), null, value, "ios",
                Map.of());
    }

    public static EngagementEvent rate(String eventId, String userId, String bookId, int value, String occurredAt) {
        return event(eventId, EventType.RATE, userId, bookId, value, occurredAt);
    }

    public static EngagementEvent open(String eventId, String userId, String bookId, String occurredAt) {
        return event(eventId, EventType.OPEN, userId, bookId, null, occurredAt);
    }

    public static EngagementEvent upgrade(String eventId, String userId, String occurredAt) {
        return event(eventId, EventType.UPGRADE, userId, null, null, occurredAt);
    }

    public static String json(EngagementEvent event) {
        return new String(CODEC.encode(event), StandardCharsets.UTF_8);
    }

}
