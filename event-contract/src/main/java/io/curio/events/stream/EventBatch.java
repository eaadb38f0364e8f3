package io.curio.events.stream;

import java.time.Instant;
import java.util.List;

import io.curio.events.DecodedEvent;

/**
 * Records read together from one shard of the engagement stream, in sequence order.
 *
 * @param shardId the shard they came from
 * @param firstSequenceNumber the sequence number of the first record; names the batch in the data hub
 * @param receivedAt when the stream received the first record (its approximate arrival time), or the
 *     consumer's clock when the stream does not say; decides the data hub partition
 * @param records the records, each with its raw bytes and the outcome of decoding them
 */
public record EventBatch(String shardId, String firstSequenceNumber, Instant receivedAt, List<Record> records) {

    public EventBatch {
        records = List.copyOf(records);
    }

    /**
     * @param sequenceNumber the record's sequence number in its shard
     * @param data the record exactly as it was put on the stream
     * @param decoded the valid event, or the reason it was refused
     */
    public record Record(String sequenceNumber, byte[] data, DecodedEvent decoded) {
    }

}
