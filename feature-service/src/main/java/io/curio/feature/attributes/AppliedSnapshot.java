package io.curio.feature.attributes;

import java.time.Instant;

/**
 * The snapshot of an entity currently in force.
 *
 * @param key where it was read from
 * @param polledAt when ingestion polled it
 */
public record AppliedSnapshot(SnapshotKey key, Instant polledAt) {
}
