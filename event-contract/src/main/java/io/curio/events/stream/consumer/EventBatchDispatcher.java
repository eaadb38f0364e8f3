package io.curio.events.stream.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.awspring.cloud.kinesis.integration.Checkpointer;
import io.awspring.cloud.kinesis.integration.KinesisHeaders;
import io.curio.events.EventCodec;
import io.curio.events.stream.BufferingEventBatchHandler;
import io.curio.events.stream.EventBatch;
import io.curio.events.stream.EventBatchHandler;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * Receives a batch of records from one shard (binder listener mode {@code batch}), decodes every
 * record and hands the batch to the service's {@link EventBatchHandler}. A plain handler's batch is
 * checkpointed once the handler returned; a {@link BufferingEventBatchHandler} advances the
 * checkpoint itself once its buffer is durable, and is drained when the service stops. A failing
 * handler gets the same batch again after a pause, for as long as the service runs: a batch is never
 * skipped. When the service stops mid-retry the batch stays unchecked and is read again on the next
 * start.
 */
public class EventBatchDispatcher implements Consumer<Message<List<?>>>, SmartLifecycle {

    private static final Log logger = LogFactory.getLog(EventBatchDispatcher.class);

    private final EventBatchHandler handler;

    private final EventCodec codec;

    private final Clock clock;

    private final Duration retryBackoff;

    private final MeterRegistry meters;

    private final Map<String, ShardProgress> shards = new ConcurrentHashMap<>();

    private volatile boolean running;

    private volatile boolean stopped;

    public EventBatchDispatcher(EventBatchHandler handler, EventCodec codec, Clock clock, Duration retryBackoff,
            MeterRegistry meters) {
        this.handler = handler;
        this.codec = codec;
        this.clock = clock;
        this.retryBackoff = retryBackoff;
        this.meters = meters;
    }

    @Override
    public void accept(Message<List<?>> message) {
        Received received = toBatch(message);
        EventBatch batch = received.batch();
        if (batch.records().isEmpty()) {
            return;
        }
        refuseOnceStopped(batch);
        ShardProgress progress = progressOf(batch.shardId());
        progress.received(batch, checkpointer(message), received.lastArrivedAt());
        if (this.handler instanceof BufferingEventBatchHandler buffering) {
            handleUntilDone(batch, () -> buffering.take(batch, progress));
        }
        else {
            handleUntilDone(batch, () -> this.handler.handle(batch));
            progress.advanceTo(lastSequenceNumber(batch));
        }
    }

    Received toBatch(Message<List<?>> message) {
        List<?> payload = message.getPayload();
        List<?> sequenceNumbers = message.getHeaders().get(KinesisHeaders.RECEIVED_SEQUENCE_NUMBER, List.class);
        String shard = message.getHeaders().get(KinesisHeaders.SHARD, String.class);
        Instant now = this.clock.instant();
        List<EventBatch.Record> records = new ArrayList<>(payload.size());
        Instant firstArrivedAt = null;
        Instant lastArrivedAt = now;
        for (int i = 0; i < payload.size(); i++) {
            Object sequenceNumber = (sequenceNumbers != null) ? sequenceNumbers.get(i) : null;
            records.add(toRecord(payload.get(i), sequenceNumber));
            lastArrivedAt = arrivedAt(payload.get(i), now);
            firstArrivedAt = (firstArrivedAt != null) ? firstArrivedAt : lastArrivedAt;
        }
        String first = records.isEmpty() ? null : records.get(0).sequenceNumber();
        EventBatch batch = new EventBatch(shard, first, (firstArrivedAt != null) ? firstArrivedAt : now, records);
        return new Received(batch, lastArrivedAt);
    }

    /**
     * One record of the batch: the stream's own record (native decoding, which keeps its arrival
     * time), raw bytes with the sequence number from the batch headers, or (when the binder maps
     * embedded headers) a message per record carrying its own sequence number.
     */
    private EventBatch.Record toRecord(Object element, Object sequenceNumber) {
        if (element instanceof Record record) {
            byte[] data = record.data().asByteArrayUnsafe();
            return new EventBatch.Record(record.sequenceNumber(), data, this.codec.decode(data));
        }
        if (element instanceof byte[] data && sequenceNumber != null) {
            return new EventBatch.Record(sequenceNumber.toString(), data, this.codec.decode(data));
        }
        if (element instanceof Message<?> inner && inner.getPayload() instanceof byte[] data) {
            Object own = inner.getHeaders().get(KinesisHeaders.RECEIVED_SEQUENCE_NUMBER);
            if (own != null) {
                return new EventBatch.Record(own.toString(), data, this.codec.decode(data));
            }
        }
        throw new IllegalStateException("expected Kinesis records or raw record bytes with a sequence number from "
                + "the Kinesis binder, got " + element.getClass().getName());
    }

    private static Instant arrivedAt(Object element, Instant now) {
        if (element instanceof Record record && record.approximateArrivalTimestamp() != null) {
            return record.approximateArrivalTimestamp();
        }
        return now;
    }

    private void refuseOnceStopped(EventBatch batch) {
        if (this.stopped) {
            throw new BatchNotHandledException(batch, new IllegalStateException("the consumer is stopping"));
        }
    }

    private ShardProgress progressOf(String shardId) {
        return this.shards.computeIfAbsent(shardId, (id) -> new ShardProgress(id, this.clock, this.meters));
    }

    private void handleUntilDone(EventBatch batch, Runnable handling) {
        for (int attempt = 1;; attempt++) {
            try {
                handling.run();
                return;
            }
            catch (RuntimeException ex) {
                abortIfStopping(batch, ex);
                logFailure(batch, attempt, ex);
                this.meters.counter("curio.stream.batches.failed", "shard", batch.shardId()).increment();
                pause(batch);
            }
        }
    }

    private void abortIfStopping(EventBatch batch, RuntimeException ex) {
        if (!this.running) {
            throw new BatchNotHandledException(batch, ex);
        }
    }

    private static void logFailure(EventBatch batch, int attempt, RuntimeException ex) {
        if (attempt == 1) {
            logger.warn("Batch " + batch.shardId() + "/" + batch.firstSequenceNumber()
                    + " failed; retrying until it succeeds", ex);
        }
        else if (logger.isDebugEnabled()) {
            logger.debug("Batch " + batch.shardId() + "/" + batch.firstSequenceNumber() + " failed again (attempt "
                    + attempt + ")", ex);
        }
    }

    private void pause(EventBatch batch) {
        try {
            Thread.sleep(this.retryBackoff.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new BatchNotHandledException(batch, ex);
        }
    }

    private static Checkpointer checkpointer(Message<List<?>> message) {
        return message.getHeaders().get(KinesisHeaders.CHECKPOINTER, Checkpointer.class);
    }

    private static String lastSequenceNumber(EventBatch batch) {
        return batch.records().get(batch.records().size() - 1).sequenceNumber();
    }

    @Override
    public void start() {
        this.stopped = false;
        this.running = true;
    }

    /**
     * Stops handing batches over; a buffering handler makes what it holds durable first. Batches that
     * arrive afterwards are refused and stay unchecked.
     */
    @Override
    public void stop() {
        this.running = false;
        this.stopped = true;
        if (this.handler instanceof BufferingEventBatchHandler buffering) {
            buffering.drain();
        }
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    /** A batch with the arrival time of its last record, which tells how far behind the consumer is. */
    record Received(EventBatch batch, Instant lastArrivedAt) {
    }

    /** Thrown when a batch could not be handled before the service stopped; it stays unchecked. */
    public static class BatchNotHandledException extends RuntimeException {

        BatchNotHandledException(EventBatch batch, Throwable cause) {
            super("batch " + batch.shardId() + "/" + batch.firstSequenceNumber() + " not handled", cause);
        }

    }

}
