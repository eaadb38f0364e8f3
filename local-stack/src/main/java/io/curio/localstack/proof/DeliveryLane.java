package io.curio.localstack.proof;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.curio.events.EngagementEvent;

/**
 * One way events get onto the engagement stream.
 */
interface DeliveryLane {

    /** Sends the events, retrying what failed; answers the ids that were accepted. */
    List<String> send(List<EngagementEvent> events);

    Counts counts();

    /**
     * What a lane went through.
     * @param retries sends repeated after a failure
     * @param refused events refused for good
     */
    record Counts(AtomicLong retries, AtomicLong refused) {

        Counts() {
            this(new AtomicLong(), new AtomicLong());
        }

    }

}
