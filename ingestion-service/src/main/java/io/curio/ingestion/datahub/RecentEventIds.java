package io.curio.ingestion.datahub;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the most recently archived events, oldest forgotten first. An event delivered again
 * (a client retrying, the stream redelivering) while its id is remembered is not archived again.
 */
final class RecentEventIds {

    private final Map<String, Boolean> ids;

    RecentEventIds(int capacity) {
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }

        };
    }

    boolean contains(String eventId) {
        return this.ids.containsKey(eventId);
    }

    void add(String eventId) {
        this.ids.put(eventId, Boolean.TRUE);
    }

}
