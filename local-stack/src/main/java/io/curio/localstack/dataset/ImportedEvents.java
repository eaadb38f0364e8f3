package io.curio.localstack.dataset;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.curio.events.EngagementEvent;
import io.curio.events.EventType;

/**
 * Turns a dataset's history into engagement events that are the same on every import: the event id is
 * a name-based UUID of source, type, reader, book and occurrence, and the time is spread over the year
 * before the import by a hash of the reader and book, never later than the import itself.
 */
final class ImportedEvents {

    static final Duration SPREAD = Duration.ofDays(365);

    private final String source;

    private final Instant importedAt;

    ImportedEvents(String source, Instant importedAt) {
        this.source = source;
        this.importedAt = importedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    EngagementEvent event(Interaction interaction, int occurrence) {
        EventType type = interaction.isRating() ? EventType.RATE : EventType.ADD_TO_LIBRARY;
        return new EngagementEvent(eventId(interaction, occurrence), type, interaction.userId(),
                interaction.bookId(), occurredAt(interaction), null, interaction.value(), null, Map.of());
    }

    String eventId(Interaction interaction, int occurrence) {
        String name = String.join("\n", "curio-import", this.source, interaction.type(), interaction.userId(),
                interaction.bookId(), Integer.toString(occurrence));
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Between one year and one millisecond before the import. */
    Instant occurredAt(Interaction interaction) {
        return this.importedAt.minusMillis(millisBeforeImport(interaction));
    }

    /** How long before the import the interaction is dated; the same on every import, so it orders a history. */
    static long millisBeforeImport(Interaction interaction) {
        return 1 + StableHash.below(SPREAD.toMillis(), "occurred", interaction.userId(), interaction.bookId());
    }

}
