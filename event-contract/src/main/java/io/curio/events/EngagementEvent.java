package io.curio.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing a reader did in the app, as apps send it and as it travels on the engagement stream.
 *
 * @param eventId the client's idempotency key: the same id twice counts once
 * @param type what happened
 * @param userId the reader
 * @param bookId the book it is about, or {@code null} for events not about a book
 * @param occurredAt when it happened on the device
 * @param requestId the recommendation request whose list the event follows, or {@code null}
 * @param value the rating for {@code rate} events (1..5), otherwise {@code null}
 * @param platform the client platform ({@code ios}, {@code android}, {@code web}), or {@code null}
 * @param properties free-form extra attributes; never {@code null}
 */
public record EngagementEvent(String eventId, EventType type, String userId, String bookId, Instant occurredAt,
        String requestId, Integer value, String platform, Map<String, Object> properties) {

    public EngagementEvent {
        properties = (properties != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(properties)) : Map.of();
    }

    /** Whether the event says the reader liked the book enough to use it as a positive signal. */
    public boolean isPositive() {
        return switch (this.type) {
            case RATE -> this.value != null && this.value >= 4;
            case CLICK, OPEN, FINISH, ADD_TO_LIBRARY -> true;
            case IMPRESSION, UPGRADE -> false;
        };
    }

    /** Whether the reader has consumed the book, so it must not be recommended to them again. */
    public boolean isConsumption() {
        return this.type == EventType.RATE || this.type == EventType.FINISH;
    }

}
