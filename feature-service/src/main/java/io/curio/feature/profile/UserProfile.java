package io.curio.feature.profile;

import java.time.Instant;
import java.util.List;

/**
 * What the feature store knows about a reader.
 *
 * @param userId the reader
 * @param attributes the reader's attributes, or {@code null} when no snapshot named them
 * @param history the reader's interactions with books, newest first
 */
public record UserProfile(String userId, Attributes attributes, List<HistoryEntry> history) {

    public UserProfile {
        history = List.copyOf(history);
    }

    /**
     * @param plan {@code free} or {@code premium}, as the last snapshot said
     * @param language the reader's preferred language
     */
    public record Attributes(String plan, String language) {
    }

    /**
     * @param bookId the book
     * @param type the event type's wire name
     * @param value the rating for {@code rate} events, otherwise {@code null}
     * @param occurredAt when it happened
     */
    public record HistoryEntry(String bookId, String type, Integer value, Instant occurredAt) {
    }

}
