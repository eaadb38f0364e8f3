package io.curio.ingestion.datahub;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.curio.events.DecodedEvent;
import io.curio.events.stream.EventBatch;
import io.curio.events.stream.ShardCheckpoint;

/**
 * The records of one shard read since its last checkpoint and not yet in the data hub. Names the
 * objects it becomes after its first record, so a buffer rebuilt from the same checkpoint after a
 * crash overwrites the same objects.
 */
final class ShardBuffer {

    private final String shardId;

    private final Instant openedAt;

    private final List<EventBatch.Record> valid = new ArrayList<>();

    private final List<EventBatch.Record> rejected = new ArrayList<>();

    private final Set<String> eventIds = new HashSet<>();

    private String firstSequenceNumber;

    private Instant firstReceivedAt;

    private BigInteger lastSequenceNumber;

    private ShardCheckpoint checkpoint;

    private long bytes;

    /**
     * @param archivedUpTo the last sequence number of the shard already in the data hub, or
     *     {@code null}; records up to it are skipped
     */
    ShardBuffer(String shardId, Instant openedAt, BigInteger archivedUpTo) {
        this.shardId = shardId;
        this.openedAt = openedAt;
        this.lastSequenceNumber = archivedUpTo;
    }

    /**
     * Adds the records of a batch that come after what the buffer holds; a record redelivered after a
     * rewind of the shard is skipped. Answers the valid records left out because their event id was
     * already archived, here or in {@code recent}.
     */
    int append(EventBatch batch, ShardCheckpoint checkpoint, RecentEventIds recent) {
        this.checkpoint = checkpoint;
        int duplicates = 0;
        for (EventBatch.Record record : batch.records()) {
            BigInteger sequenceNumber = new BigInteger(record.sequenceNumber());
            if (this.lastSequenceNumber != null && sequenceNumber.compareTo(this.lastSequenceNumber) <= 0) {
                continue;
            }
            open(record, batch.receivedAt());
            this.lastSequenceNumber = sequenceNumber;
            if (!add(record, recent)) {
                duplicates++;
            }
        }
        return duplicates;
    }

    private void open(EventBatch.Record record, Instant receivedAt) {
        if (this.firstSequenceNumber == null) {
            this.firstSequenceNumber = record.sequenceNumber();
            this.firstReceivedAt = receivedAt;
        }
    }

    private boolean add(EventBatch.Record record, RecentEventIds recent) {
        if (record.decoded() instanceof DecodedEvent.Valid valid) {
            String eventId = valid.event().eventId();
            if (recent.contains(eventId) || !this.eventIds.add(eventId)) {
                return false;
            }
            this.valid.add(record);
        }
        else {
            this.rejected.add(record);
        }
        this.bytes += record.data().length;
        return true;
    }

    boolean isEmpty() {
        return this.firstSequenceNumber == null;
    }

    String shardId() {
        return this.shardId;
    }

    Instant openedAt() {
        return this.openedAt;
    }

    long bytes() {
        return this.bytes;
    }

    List<EventBatch.Record> valid() {
        return this.valid;
    }

    List<EventBatch.Record> rejected() {
        return this.rejected;
    }

    Set<String> eventIds() {
        return this.eventIds;
    }

    String firstSequenceNumber() {
        return this.firstSequenceNumber;
    }

    /** When the stream received the buffer's first record: decides the partition of its objects. */
    Instant firstReceivedAt() {
        return this.firstReceivedAt;
    }

    BigInteger lastSequenceNumber() {
        return this.lastSequenceNumber;
    }

    ShardCheckpoint checkpoint() {
        return this.checkpoint;
    }

}
