package io.curio.abtest.exposure;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.curio.events.DecodedEvent;
import io.curio.events.EngagementEvent;
import io.curio.events.EventCodec;
import io.curio.events.stream.EventBatch;

/**
 * Batches of engagement events as the stream consumer hands them over, numbered in the order they were made.
 */
final class EventBatches {

    private final Instant receivedAt;

    private final EventCodec codec;

    private int sequence;

    EventBatches(Instant receivedAt) {
        this.receivedAt = receivedAt;
        this.codec = new EventCodec(Clock.fixed(receivedAt, ZoneOffset.UTC));
    }

    EventBatch of(EngagementEvent... events) {
        List<EventBatch.Record> records = new ArrayList<>();
        for (EngagementEvent event : events) {
            records.add(record(event));
        }
        return of(records);
    }

    EventBatch of(List<EventBatch.Record> records) {
        return new EventBatch("shardId-000000000000", records.get(0).sequenceNumber(), this.receivedAt, records);
    }

    EventBatch.Record record(EngagementEvent event) {
        this.sequence++;
        return new EventBatch.Record(Integer.toString(this.sequence), this.codec.encode(event),
                new DecodedEvent.Valid(event));
    }

}
