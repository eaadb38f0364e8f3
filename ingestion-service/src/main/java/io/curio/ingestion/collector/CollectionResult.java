package io.curio.ingestion.collector;

import java.util.List;

/**
 * The answer to a batch of collected events.
 *
 * @param accepted how many events are on the stream
 * @param rejected the events refused, by their index in the request
 */
public record CollectionResult(int accepted, List<Rejection> rejected) {

    public CollectionResult {
        rejected = List.copyOf(rejected);
    }

    /**
     * @param index the event's position in the request, from 0
     * @param reason why it was refused
     */
    public record Rejection(int index, String reason) {
    }

}
