package io.curio.ingestion.attributes;

import java.time.Duration;
import java.time.Instant;

/**
 * What the polls of one entity have established so far.
 *
 * @param lastGood when a poll last wrote a snapshot or found it unchanged, or {@code null} if never
 * @param items how many items the snapshot in force holds, or {@code null} when unknown
 * @param key the data hub key of the snapshot in force, or {@code null} when unknown
 * @param version the collection version the snapshot in force was polled at; unknown after a restart
 * @param failures polls failed or refused since the last good one
 * @param lastError why the last poll that was not good wrote nothing, or {@code null}
 */
record PollState(Instant lastGood, Integer items, String key, CollectionVersion version, int failures,
        String lastError) {

    static final PollState NONE = new PollState(null, null, null, CollectionVersion.UNKNOWN, 0, null);

    static PollState restored(Instant lastGood, Integer items, String key) {
        return new PollState(lastGood, items, key, CollectionVersion.UNKNOWN, 0, null);
    }

    PollState written(Instant at, int written, String writtenKey, CollectionVersion polled) {
        return new PollState(at, written, writtenKey, polled, 0, null);
    }

    PollState unchanged(Instant at, CollectionVersion polled) {
        return new PollState(at, this.items, this.key, polled, 0, null);
    }

    PollState failed(String error) {
        return new PollState(this.lastGood, this.items, this.key, this.version, this.failures + 1, error);
    }

    boolean hasSnapshot() {
        return this.lastGood != null;
    }

    /** Whether the snapshot in force is known to list items: an empty poll would then be suspicious. */
    boolean hasItems() {
        return this.items != null && this.items > 0;
    }

    /** Seconds since the last good poll, or NaN when there was none. */
    double ageSeconds(Instant now) {
        return hasSnapshot() ? Duration.between(this.lastGood, now).toMillis() / 1000.0 : Double.NaN;
    }

}
