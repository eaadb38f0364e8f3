package io.curio.feature.attributes;

import java.time.Instant;
import java.util.List;

/**
 * A complete attribute snapshot read from the data hub.
 *
 * @param key where it was read from
 * @param polledAt when ingestion polled the endpoint
 * @param items every item the endpoint listed
 * @param <T> the item type
 */
public record Snapshot<T>(SnapshotKey key, Instant polledAt, List<T> items) {

    public Snapshot {
        items = List.copyOf(items);
    }

}
