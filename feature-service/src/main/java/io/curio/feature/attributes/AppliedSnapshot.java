package io.curio.feature.attributes;

import java.time.Instant;

/**
 * The snapshot of an entity currently in force.
 *
 * @param key where it was read from
 * @param polledAt when ingestion polled it
 * @param currentAt the latest time ingestion found the endpoint still serving it; {@code polledAt} until
 * a later poll answered unchanged
 */
public record AppliedSnapshot(SnapshotKey key, Instant polledAt, Instant currentAt) {

    public AppliedSnapshot(SnapshotKey key, Instant polledAt) {
        this(key, polledAt, polledAt);
    }

    /** This snapshot, known current at {@code confirmation.confirmedAt()} if the confirmation names it. */
    AppliedSnapshot confirmedBy(Confirmation confirmation) {
        if (!confirmation.snapshot().equals(this.key.key()) || !confirmation.confirmedAt().isAfter(this.currentAt)) {
            return this;
        }
        return new AppliedSnapshot(this.key, this.polledAt, confirmation.confirmedAt());
    }

}
