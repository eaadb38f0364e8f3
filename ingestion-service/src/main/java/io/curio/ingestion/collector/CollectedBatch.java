package io.curio.ingestion.collector;

import java.util.ArrayList;
import java.util.List;

import io.curio.events.DecodedEvent;
import io.curio.events.EngagementEvent;

/**
 * The events of one request sorted by the collector's rules: valid events are accepted, invalid ones
 * rejected with their index and reason, and any valid event of another user refuses the whole request.
 *
 * @param accepted the valid events, in request order
 * @param rejected the refused events
 */
public record CollectedBatch(List<EngagementEvent> accepted, List<CollectionResult.Rejection> rejected) {

    public CollectedBatch {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }

    /**
     * Applies the rules to decoded events sent by {@code userId}.
     * @throws ForeignUserEventException when a valid event names another user
     */
    public static CollectedBatch of(List<DecodedEvent> decoded, String userId) {
        List<EngagementEvent> accepted = new ArrayList<>();
        List<CollectionResult.Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < decoded.size(); i++) {
            if (decoded.get(i) instanceof DecodedEvent.Valid valid) {
                accepted.add(ownEvent(valid.event(), userId, i));
            }
            else if (decoded.get(i) instanceof DecodedEvent.Invalid invalid) {
                rejected.add(new CollectionResult.Rejection(i, invalid.reason()));
            }
        }
        return new CollectedBatch(accepted, rejected);
    }

    private static EngagementEvent ownEvent(EngagementEvent event, String userId, int index) {
        if (!event.userId().equals(userId)) {
            throw new ForeignUserEventException(index);
        }
        return event;
    }

    public CollectionResult result() {
        return new CollectionResult(this.accepted.size(), this.rejected);
    }

}
