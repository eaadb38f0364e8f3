package io.curio.events.stream.consumer;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import io.awspring.cloud.kinesis.integration.Checkpointer;
import io.curio.events.stream.EventBatch;
import io.curio.events.stream.ShardCheckpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * How far a consumer got in one shard: what it received, what is checkpointed, and how far both lag
 * behind. Publishes the consumer metrics of the shard and advances its checkpoint.
 */
final class ShardProgress implements ShardCheckpoint {

    private static final Log logger = LogFactory.getLog(ShardProgress.class);

    private final Clock clock;

    private final Counter consumed;

    private final Counter checkpoints;

    private final Deque<Received> unchecked = new ArrayDeque<>();

    private volatile Checkpointer checkpointer;

    private volatile long millisBehindLatest;

    ShardProgress(String shardId, Clock clock, MeterRegistry meters) {
        this.clock = clock;
        Tags shard = Tags.of("shard", shardId);
        this.consumed = meters.counter("curio.stream.records.consumed", shard);
        this.checkpoints = meters.counter("curio.stream.checkpoints", shard);
        Gauge.builder("curio.stream.millis.behind.latest", this, (p) -> p.millisBehindLatest)
            .tags(shard)
            .description("Time between the stream receiving the newest record consumed and consuming it")
            .baseUnit("milliseconds")
            .register(meters);
        Gauge.builder("curio.stream.checkpoint.lag.records", this, ShardProgress::uncheckedRecords)
            .tags(shard)
            .description("Records consumed but not yet covered by a checkpoint")
            .register(meters);
        Gauge.builder("curio.stream.checkpoint.lag", this, ShardProgress::uncheckedSeconds)
            .tags(shard)
            .description("Age of the oldest record consumed but not yet covered by a checkpoint")
            .baseUnit("seconds")
            .register(meters);
    }

    /** Notes a batch handed to the handler and the checkpointer it came with. */
    synchronized void received(EventBatch batch, Checkpointer checkpointer, Instant lastArrivedAt) {
        this.checkpointer = checkpointer;
        this.consumed.increment(batch.records().size());
        this.millisBehindLatest = Math.max(0, Duration.between(lastArrivedAt, this.clock.instant()).toMillis());
        String last = batch.records().get(batch.records().size() - 1).sequenceNumber();
        this.unchecked.addLast(new Received(new BigInteger(last), batch.records().size(), batch.receivedAt()));
    }

    @Override
    public void advanceTo(String sequenceNumber) {
        Checkpointer current = this.checkpointer;
        if (current != null && !current.checkpoint(sequenceNumber) && logger.isDebugEnabled()) {
            logger.debug("Checkpoint " + sequenceNumber + " not stored: the shard moved on or its lock was lost");
        }
        this.checkpoints.increment();
        forget(new BigInteger(sequenceNumber));
    }

    private synchronized void forget(BigInteger checkpointed) {
        while (!this.unchecked.isEmpty() && this.unchecked.peekFirst().isCoveredBy(checkpointed)) {
            this.unchecked.removeFirst();
        }
    }

    private synchronized double uncheckedRecords() {
        return this.unchecked.stream().mapToInt(Received::records).sum();
    }

    private synchronized double uncheckedSeconds() {
        Received oldest = this.unchecked.peekFirst();
        if (oldest == null) {
            return 0;
        }
        return Duration.between(oldest.firstArrivedAt(), this.clock.instant()).toMillis() / 1000.0;
    }

    private record Received(BigInteger lastSequenceNumber, int records, Instant firstArrivedAt) {

        boolean isCoveredBy(BigInteger checkpointed) {
            return this.lastSequenceNumber.compareTo(checkpointed) <= 0;
        }

    }

}
