package io.curio.localstack.proof;

import java.time.Duration;
import java.util.List;

import io.curio.events.EngagementEvent;
import io.curio.events.stream.EngagementStreamPublisher;
import io.curio.events.stream.StreamPublishFailedException;
import io.curio.localstack.stack.Waiting;

/**
 * Puts batches straight onto the stream with PutRecords, as an app may; a batch the stream refused after the
 * publisher's own retries is put again until the patience runs out.
 */
final class StreamLane implements DeliveryLane {

    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final EngagementStreamPublisher publisher;

    private final Duration patience;

    private final Counts counts = new Counts();

    StreamLane(EngagementStreamPublisher publisher, Duration patience) {
        this.publisher = publisher;
        this.patience = patience;
    }

    @Override
    public List<String> send(List<EngagementEvent> events) {
        long deadline = System.nanoTime() + this.patience.toNanos();
        while (true) {
            try {
                this.publisher.publish(events);
                return events.stream().map(EngagementEvent::eventId).toList();
            }
            catch (StreamPublishFailedException ex) {
                if (System.nanoTime() > deadline) {
                    this.counts.refused().addAndGet(events.size());
                    return List.of();
                }
                this.counts.retries().incrementAndGet();
                Waiting.pause(RETRY_PAUSE);
            }
        }
    }

    @Override
    public Counts counts() {
        return this.counts;
    }

}
