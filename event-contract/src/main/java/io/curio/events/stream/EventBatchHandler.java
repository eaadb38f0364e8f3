package io.curio.events.stream;

/**
 * What a service does with a batch of records from the engagement stream. The stream consumer
 * checkpoints the batch only after this returns normally, so a handler must have made its effect
 * durable (S3 write, database commit) before returning, and must be idempotent on {@code eventId}:
 * after a crash the records since the last checkpoint are handed over again.
 */
@FunctionalInterface
public interface EventBatchHandler {

    void handle(EventBatch batch);

}
