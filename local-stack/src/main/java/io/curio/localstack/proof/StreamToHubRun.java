package io.curio.localstack.proof;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.curio.events.EngagementEvent;
import io.curio.events.EventCodec;
import io.curio.events.stream.EngagementStreamPublisher;
import io.curio.localstack.stack.Progress;
import io.curio.localstack.stack.RunningStack;
import io.curio.localstack.stack.Service;
import io.curio.localstack.stack.StackException;
import io.curio.localstack.stack.Waiting;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Measures how fast one ingestion-service instance moves a backlog from the stream into the hub: stops it, fills
 * the stream (timing the emulator's put rate), starts it again and times until every event is in the hub.
 */
final class StreamToHubRun {

    private static final int PUT_CHUNK = EngagementStreamPublisher.MAX_RECORDS_PER_REQUEST;

    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(15);

    private final RunningStack stack;

    private final EngagementStreamPublisher publisher;

    private final S3Client s3;

    private final Clock clock;

    /**
     * @param events events put on the stream
     * @param putPerSecond the emulator's PutRecords rate while filling
     * @param startSeconds from starting ingestion-service until it was ready
     * @param drainSeconds from ready until the last event was in the hub
     * @param eventsPerSecond events over drain seconds: the archive rate of one instance
     * @param withStartEventsPerSecond events over start and drain seconds together
     * @param hubObjects objects the events were written in
     */
    record Result(int events, double putPerSecond, double startSeconds, double drainSeconds, double eventsPerSecond,
            double withStartEventsPerSecond, int hubObjects) {
    }

    StreamToHubRun(RunningStack stack, EngagementStreamPublisher publisher, S3Client s3, Clock clock) {
        this.stack = stack;
        this.publisher = publisher;
        this.s3 = s3;
        this.clock = clock;
    }

    Result measure(SyntheticEvents events, Progress progress) {
        progress.step("stopping ingestion-service (SIGTERM, it flushes its buffers)");
        this.stack.stop(Service.INGESTION);
        HubTally hub = new HubTally(this.s3, this.stack.infra().s3().bucket(), events.prefix() + "-",
                this.clock.instant().minusSeconds(5), new EventCodec(this.clock));
        double putSeconds = fill(events, progress);
        long starting = System.nanoTime();
        this.stack.start(Service.INGESTION, progress);
        long ready = System.nanoTime();
        awaitAll(hub, events.total(), progress);
        double drain = seconds(System.nanoTime() - ready);
        double withStart = seconds(System.nanoTime() - starting);
        return new Result(events.total(), round(events.total() / putSeconds), round(seconds(ready - starting)),
                round(drain), round(events.total() / drain), round(events.total() / withStart), hub.objects());
    }

    private double fill(SyntheticEvents events, Progress progress) {
        long started = System.nanoTime();
        int put = 0;
        for (int batch = 0; batch < events.batches(); batch += PUT_CHUNK / SyntheticEvents.BATCH_SIZE) {
            List<EngagementEvent> chunk = new ArrayList<>(PUT_CHUNK);
            int end = Math.min(events.batches(), batch + PUT_CHUNK / SyntheticEvents.BATCH_SIZE);
            for (int b = batch; b < end; b++) {
                chunk.addAll(events.batch(b, this.clock.instant()));
            }
            this.publisher.publish(chunk);
            put += chunk.size();
            if (put % 5_000 < chunk.size() || put == events.total()) {
                progress.step("put " + put + "/" + events.total() + " on the stream, "
                        + Math.round(put / seconds(System.nanoTime() - started)) + "/s");
            }
        }
        return seconds(System.nanoTime() - started);
    }

    private static void awaitAll(HubTally hub, int total, Progress progress) {
        int[] last = { -1 };
        Waiting.until(DRAIN_TIMEOUT, Duration.ofMillis(500), () -> {
            hub.refresh();
            int present = hub.counts().size();
            if (present != last[0]) {
                progress.step("hub holds " + present + "/" + total + " in " + hub.objects() + " objects");
                last[0] = present;
            }
            return (present >= total) ? Optional.of(present) : Optional.empty();
        }).orElseThrow(() -> new StackException("the hub did not hold all " + total + " events within "
                + DRAIN_TIMEOUT.toMinutes() + " min"));
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

}
