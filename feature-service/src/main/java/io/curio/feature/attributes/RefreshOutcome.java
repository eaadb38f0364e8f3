package io.curio.feature.attributes;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What checking the data hub for a newer snapshot of one entity did.
 *
 * @param state {@code applied}, {@code current} (the newest is already in force), {@code refused}
 * (malformed, the previous stays in force) or {@code none} (no snapshot in the hub yet)
 * @param key the snapshot concerned, or {@code null} when there is none
 * @param changed rows inserted or updated, when applied
 * @param deactivated books marked inactive, when applied
 * @param reason why the snapshot was refused
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefreshOutcome(String state, String key, Integer changed, Integer deactivated, String reason) {

    static RefreshOutcome none() {
        return new RefreshOutcome("none", null, null, null, null);
    }

    static RefreshOutcome current(SnapshotKey key) {
        return new RefreshOutcome("current", key.key(), null, null, null);
    }

    static RefreshOutcome applied(SnapshotKey key, AttributeTables.Changes changes) {
        return new RefreshOutcome("applied", key.key(), changes.changed(), changes.deactivated(), null);
    }

    static RefreshOutcome refused(SnapshotKey key, String reason) {
        return new RefreshOutcome("refused", key.key(), null, null, reason);
    }

}
