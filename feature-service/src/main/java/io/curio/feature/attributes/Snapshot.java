package io.curio.feature.attributes;

import java.time.Instant;
import java.util.List;

/**
 * A complete attribute snapshot read from the data hub.
 *
 * @param key where it was read from
 * @param polledAt when ingestion polled the endpoint
 * @param items every item the endpoint listed that passed ingestion's schema check
 * @param withheld ids of items the endpoint listed but ingestion left out as malformed: their rows keep
 *     what they had, instead of being taken for removed
 * @param <T> the item type
 */
public record Snapshot<T>(SnapshotKey key, Instant polledAt, List<T> items, List<String> withheld) {

    public Snapshot {
        items = List.copyOf(items);
        withheld = List.copyOf(withheld);
    }

    public Snapshot(SnapshotKey key, Instant polledAt, List<T> items) {
        this(key, polledAt, items, List.of());
    }

}
