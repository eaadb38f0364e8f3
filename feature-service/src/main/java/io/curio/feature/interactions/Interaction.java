package io.curio.feature.interactions;

import java.time.Instant;
import java.util.Optional;

import io.curio.events.DecodedEvent;
import io.curio.events.EngagementEvent;

/**
 * What a reader did with a book, as kept in the {@code interactions} table.
 *
 * @param eventId the event's idempotency key
 * @param userId the reader
 * @param bookId the book
 * @param type the event type's wire name
 * @param value the rating for {@code rate} events, otherwise {@code null}
 * @param occurredAt when it happened
 */
public record Interaction(String eventId, String userId, String bookId, String type, Integer value,
        Instant occurredAt) {

    /**
     * The interaction an event records, or empty when the event is not about a book or holds text
     * PostgreSQL cannot store (a NUL character).
     */
    public static Optional<Interaction> of(EngagementEvent event) {
        if (!event.type().isAboutABook() || event.bookId() == null || !isStorable(event)) {
            return Optional.empty();
        }
        return Optional.of(new Interaction(event.eventId(), event.userId(), event.bookId(), event.type().wireName(),
                event.value(), event.occurredAt()));
    }

    /** Whether PostgreSQL can store the event's text columns, which refuse NUL characters. */
    public static boolean isStorable(EngagementEvent event) {
        return hasNoNul(event.eventId()) && hasNoNul(event.userId()) && hasNoNul(event.bookId());
    }

    /** The interaction a decoded record holds, or empty when it is invalid or not about a book. */
    public static Optional<Interaction> of(DecodedEvent decoded) {
        if (decoded instanceof DecodedEvent.Valid valid) {
            return of(valid.event());
        }
        return Optional.empty();
    }

    private static boolean hasNoNul(String text) {
        return text == null || text.indexOf('\0') < 0;
    }

}
