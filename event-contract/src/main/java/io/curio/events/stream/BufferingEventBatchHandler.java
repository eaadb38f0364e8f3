package io.curio.events.stream;

/**
 * A handler that collects records from several batches before making them durable, such as an
 * archiver that writes one large data hub object instead of one per batch. It owns the checkpoint of
 * every shard it buffers: the stream consumer does not checkpoint a batch it hands over, the handler
 * advances the {@link ShardCheckpoint} once the records are durable. Whatever it has not made durable
 * when the service dies is read again from the last checkpoint on the next start.
 */
public interface BufferingEventBatchHandler extends EventBatchHandler {

    /**
     * Takes a batch into the buffer of its shard. Returns once the records are buffered; throws only
     * when they were not taken, so the same batch can be handed over again.
     */
    void take(EventBatch batch, ShardCheckpoint checkpoint);

    /**
     * Makes everything buffered durable now and advances the checkpoints it covers; called when the
     * service stops. What cannot be made durable is abandoned, to be read again after the restart.
     */
    void drain();

    /** Takes the batch and makes it durable at once. */
    @Override
    default void handle(EventBatch batch) {
        take(batch, (sequenceNumber) -> {
        });
        drain();
    }

}
