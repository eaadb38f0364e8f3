package io.curio.localstack.proof;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.curio.events.EngagementEvent;
import io.curio.events.EventType;

/**
 * The events of one run, numbered {@code 0..total-1}: ids {@code <prefix>-<n>}, sent in batches of
 * {@value #BATCH_SIZE} that each belong to one synthetic reader {@code <prefix>-u<k>}, about books of the
 * catalogue, of the types feature-service keeps.
 *
 * @param prefix what every id of the run starts with, e.g. {@code fault-20261204t190000z}
 * @param total how many events the run sends
 * @param readers how many synthetic readers share them
 * @param books the catalogue's book ids
 */
record SyntheticEvents(String prefix, int total, int readers, List<String> books) {

    static final int BATCH_SIZE = 10;

    private static final List<EventType> TYPES = List.of(EventType.CLICK, EventType.OPEN, EventType.FINISH,
            EventType.ADD_TO_LIBRARY);

    SyntheticEvents {
        if (books.isEmpty()) {
            throw new IllegalArgumentException("the catalogue holds no books to send events about");
        }
        books = List.copyOf(books);
    }

    int batches() {
        return (this.total + BATCH_SIZE - 1) / BATCH_SIZE;
    }

    /** Even batches go through the gateway, odd ones straight onto the stream. */
    static boolean throughGateway(int batch) {
        return batch % 2 == 0;
    }

    String reader(int batch) {
        return this.prefix + "-u" + (batch % this.readers);
    }

    /** The batch's events, happening now. */
    List<EngagementEvent> batch(int batch, Instant now) {
        List<EngagementEvent> events = new ArrayList<>(BATCH_SIZE);
        int end = Math.min(this.total, (batch + 1) * BATCH_SIZE);
        for (int n = batch * BATCH_SIZE; n < end; n++) {
            events.add(new EngagementEvent(this.prefix + "-" + n, TYPES.get(n % TYPES.size()), reader(batch),
                    this.books.get(Math.floorMod(n * 7919L, this.books.size())), now, null, null, "web", Map.of()));
        }
        return events;
    }

}
