package io.curio.localstack.proof;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.curio.events.EngagementEvent;
import io.curio.localstack.stack.Progress;
import io.curio.localstack.stack.StackException;

/**
 * Sends a run's batches at a steady rate, alternating between the gateway and the stream, and keeps which ids
 * were sent and which accepted. A batch that waits for a restarting service holds one sender while the others
 * go on.
 */
final class Delivery {

    /** Senders of the gateway lane: while ingestion-service restarts, each holds one batch it retries. */
    private static final int GATEWAY_SENDERS = 8;

    private static final int STREAM_SENDERS = 2;

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final SyntheticEvents events;

    private final DeliveryLane gateway;

    private final DeliveryLane stream;

    private final Clock clock;

    private final Set<String> accepted = ConcurrentHashMap.newKeySet();

    private final AtomicLong sent = new AtomicLong();

    private final AtomicLong acceptedThroughGateway = new AtomicLong();

    /**
     * What a run delivered.
     * @param sent ids sent at least once
     * @param accepted ids an answer accepted
     * @param throughGateway of those, accepted through the gateway
     * @param retries sends repeated after a failure, both lanes
     * @param refused events refused for good, both lanes
     * @param took from the first send to the last answer
     */
    record Outcome(long sent, Set<String> accepted, long throughGateway, long retries, long refused, Duration took) {

        Outcome {
            accepted = Set.copyOf(accepted);
        }

    }

    Delivery(SyntheticEvents events, DeliveryLane gateway, DeliveryLane stream, Clock clock) {
        this.events = events;
        this.gateway = gateway;
        this.stream = stream;
        this.clock = clock;
    }

    /** Sends every batch at about {@code rate} events a second, printing progress; answers once all are done. */
    Outcome run(double rate, Progress progress) {
        ScheduledExecutorService gatewaySenders = Executors.newScheduledThreadPool(GATEWAY_SENDERS);
        ScheduledExecutorService streamSenders = Executors.newScheduledThreadPool(STREAM_SENDERS);
        long started = System.nanoTime();
        try {
            List<ScheduledFuture<?>> batches = new ArrayList<>();
            for (int batch = 0; batch < this.events.batches(); batch++) {
                int index = batch;
                long due = Math.round(batch * SyntheticEvents.BATCH_SIZE * 1_000_000.0 / rate);
                ScheduledExecutorService senders = SyntheticEvents.throughGateway(batch) ? gatewaySenders
                        : streamSenders;
                batches.add(senders.schedule(() -> send(index), due, TimeUnit.MICROSECONDS));
            }
            streamSenders.scheduleAtFixedRate(() -> progress.step(describe()), PROGRESS_EVERY.toMillis(),
                    PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            batches.forEach(Delivery::await);
        }
        finally {
            gatewaySenders.shutdownNow();
            streamSenders.shutdownNow();
        }
        return new Outcome(this.sent.get(), this.accepted, this.acceptedThroughGateway.get(),
                retries(), this.gateway.counts().refused().get() + this.stream.counts().refused().get(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private void send(int batch) {
        List<EngagementEvent> batchEvents = this.events.batch(batch, this.clock.instant());
        this.sent.addAndGet(batchEvents.size());
        boolean throughGateway = SyntheticEvents.throughGateway(batch);
        List<String> ids = (throughGateway ? this.gateway : this.stream).send(batchEvents);
        this.accepted.addAll(ids);
        if (throughGateway) {
            this.acceptedThroughGateway.addAndGet(ids.size());
        }
    }

    private String describe() {
        return "sent " + this.sent.get() + "/" + this.events.total() + ", accepted " + this.accepted.size()
                + ", retries " + retries();
    }

    private long retries() {
        return this.gateway.counts().retries().get() + this.stream.counts().retries().get();
    }

    private static void await(ScheduledFuture<?> batch) {
        try {
            batch.get();
        }
        catch (ExecutionException ex) {
            throw new StackException("sending a batch failed: " + ex.getCause().getMessage(), ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while sending", ex);
        }
    }

}
