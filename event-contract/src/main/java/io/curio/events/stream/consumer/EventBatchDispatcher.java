package io.curio.events.stream.consumer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.awspring.cloud.kinesis.integration.Checkpointer;
import io.awspring.cloud.kinesis.integration.KinesisHeaders;
import io.curio.events.EventCodec;
import io.curio.events.stream.EventBatch;
import io.curio.events.stream.EventBatchHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.Message;

/**
 * Receives a batch of records from one shard (binder listener mode {@code batch}), decodes every
 * record, hands the batch to the service's {@link EventBatchHandler} and checkpoints the batch only
 * once the handler returned. A failing handler gets the same batch again after a pause, for as long
 * as the service runs: a batch is never skipped. When the service stops mid-retry the batch stays
 * unchecked and is read again on the next start.
 */
public class EventBatchDispatcher implements Consumer<Message<List<?>>>, SmartLifecycle {

    private static final Log logger = LogFactory.getLog(EventBatchDispatcher.class);

    private final EventBatchHandler handler;

    private final EventCodec codec;

    private final Clock clock;

    private final Duration retryBackoff;

    private volatile boolean running;

    public EventBatchDispatcher(EventBatchHandler handler, EventCodec codec, Clock clock, Duration retryBackoff) {
        this.handler = handler;
        this.codec = codec;
        this.clock = clock;
        this.retryBackoff = retryBackoff;
    }

    @Override
    public void accept(Message<List<?>> message) {
        EventBatch batch = toBatch(message);
        if (batch.records().isEmpty()) {
            return;
        }
        handleUntilDone(batch);
        checkpoint(message, batch);
    }

    EventBatch toBatch(Message<List<?>> message) {
        List<?> payload = message.getPayload();
        List<?> sequenceNumbers = message.getHeaders().get(KinesisHeaders.RECEIVED_SEQUENCE_NUMBER, List.class);
        String shard = message.getHeaders().get(KinesisHeaders.SHARD, String.class);
        List<EventBatch.Record> records = new ArrayList<>(payload.size());
        for (int i = 0; i < payload.size(); i++) {
            Object sequenceNumber = (sequenceNumbers != null) ? sequenceNumbers.get(i) : null;
            records.add(toRecord(payload.get(i), sequenceNumber));
        }
        String first = records.isEmpty() ? null : records.get(0).sequenceNumber();
        return new EventBatch(shard, first, this.clock.instant(), records);
    }

    /**
     * One record of the batch: raw bytes with the sequence number from the batch headers, or (when
     * the binder maps embedded headers) a message per record carrying its own sequence number.
     */
    private EventBatch.Record toRecord(Object element, Object sequenceNumber) {
        if (element instanceof byte[] data && sequenceNumber != null) {
            return new EventBatch.Record(sequenceNumber.toString(), data, this.codec.decode(data));
        }
        if (element instanceof Message<?> inner && inner.getPayload() instanceof byte[] data) {
            Object own = inner.getHeaders().get(KinesisHeaders.RECEIVED_SEQUENCE_NUMBER);
            if (own != null) {
                return new EventBatch.Record(own.toString(), data, this.codec.decode(data));
            }
        }
        throw new IllegalStateException("expected raw record bytes with a sequence number from the Kinesis binder, "
                + "got " + element.getClass().getName());
    }

    private void handleUntilDone(EventBatch batch) {
        for (int attempt = 1;; attempt++) {
            try {
                this.handler.handle(batch);
                return;
            }
            catch (RuntimeException ex) {
                abortIfStopping(batch, ex);
                logFailure(batch, attempt, ex);
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

    private static void checkpoint(Message<List<?>> message, EventBatch batch) {
        Checkpointer checkpointer = message.getHeaders().get(KinesisHeaders.CHECKPOINTER, Checkpointer.class);
        if (checkpointer != null) {
            EventBatch.Record last = batch.records().get(batch.records().size() - 1);
            checkpointer.checkpoint(last.sequenceNumber());
        }
    }

    @Override
    public void start() {
        this.running = true;
    }

    @Override
    public void stop() {
        this.running = false;
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    /** Thrown when a batch could not be handled before the service stopped; it stays unchecked. */
    public static class BatchNotHandledException extends RuntimeException {

        BatchNotHandledException(EventBatch batch, Throwable cause) {
            super("batch " + batch.shardId() + "/" + batch.firstSequenceNumber() + " not handled", cause);
        }

    }

}
