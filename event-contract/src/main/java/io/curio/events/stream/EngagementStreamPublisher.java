package io.curio.events.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.curio.events.EngagementEvent;
import io.curio.events.EventCodec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Puts engagement events on the stream, one record per event in its canonical JSON form, with the
 * user id as partition key so that a reader's events stay in order on one shard. Sends synchronously
 * with PutRecords in chunks that respect the Kinesis limits, retries the records the stream refused,
 * and throws {@link StreamPublishFailedException} rather than dropping any.
 */
public class EngagementStreamPublisher {

    /** Most records Kinesis accepts in one PutRecords call. */
    public static final int MAX_RECORDS_PER_REQUEST = 500;

    /** Most bytes (data plus partition keys) Kinesis accepts in one PutRecords call. */
    public static final int MAX_BYTES_PER_REQUEST = 5 * 1024 * 1024;

    private final KinesisClient kinesis;

    private final String streamName;

    private final EventCodec codec;

    private final PublishRetry retry;

    public EngagementStreamPublisher(KinesisClient kinesis, String streamName, EventCodec codec, PublishRetry retry) {
        this.kinesis = kinesis;
        this.streamName = streamName;
        this.codec = codec;
        this.retry = retry;
    }

    public EngagementStreamPublisher(KinesisClient kinesis, String streamName, EventCodec codec) {
        this(kinesis, streamName, codec, PublishRetry.DEFAULT);
    }

    /**
     * Puts the events on the stream and returns once every one of them is there.
     * @throws StreamPublishFailedException when some are still refused after the last retry
     */
    public void publish(List<EngagementEvent> events) {
        for (List<PutRecordsRequestEntry> chunk : chunks(entries(events))) {
            putWithRetries(chunk);
        }
    }

    public void publish(EngagementEvent event) {
        publish(List.of(event));
    }

    private List<PutRecordsRequestEntry> entries(List<EngagementEvent> events) {
        return events.stream()
            .map((event) -> PutRecordsRequestEntry.builder()
                .partitionKey(event.userId())
                .data(SdkBytes.fromByteArrayUnsafe(this.codec.encode(event)))
                .build())
            .toList();
    }

    static List<List<PutRecordsRequestEntry>> chunks(List<PutRecordsRequestEntry> entries) {
        List<List<PutRecordsRequestEntry>> chunks = new ArrayList<>();
        List<PutRecordsRequestEntry> current = new ArrayList<>();
        long currentBytes = 0;
        for (PutRecordsRequestEntry entry : entries) {
            long size = size(entry);
            if (current.size() == MAX_RECORDS_PER_REQUEST || currentBytes + size > MAX_BYTES_PER_REQUEST) {
                chunks.add(current);
                current = new ArrayList<>();
                currentBytes = 0;
            }
            current.add(entry);
            currentBytes += size;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private static long size(PutRecordsRequestEntry entry) {
        return entry.data().asByteArrayUnsafe().length
                + entry.partitionKey().getBytes(StandardCharsets.UTF_8).length;
    }

    private void putWithRetries(List<PutRecordsRequestEntry> chunk) {
        List<PutRecordsRequestEntry> pending = chunk;
        Outcome last = null;
        for (int attempt = 1; attempt <= this.retry.maxAttempts(); attempt++) {
            if (attempt > 1) {
                pause(attempt, pending.size());
            }
            last = put(pending);
            pending = last.refused();
            if (pending.isEmpty()) {
                return;
            }
        }
        throw new StreamPublishFailedException(pending.size() + " of " + chunk.size() + " records not put on stream "
                + this.streamName + " after " + this.retry.maxAttempts() + " attempts: " + last.reason(),
                pending.size(), last.cause());
    }

    private Outcome put(List<PutRecordsRequestEntry> entries) {
        PutRecordsResponse response;
        try {
            response = this.kinesis.putRecords((request) -> request.streamName(this.streamName).records(entries));
        }
        catch (SdkException ex) {
            return new Outcome(entries, ex.getMessage(), ex);
        }
        return refusedOf(entries, response);
    }

    private static Outcome refusedOf(List<PutRecordsRequestEntry> entries, PutRecordsResponse response) {
        if (response.failedRecordCount() == null || response.failedRecordCount() == 0) {
            return new Outcome(List.of(), null, null);
        }
        List<PutRecordsRequestEntry> refused = new ArrayList<>();
        String reason = null;
        List<PutRecordsResultEntry> results = response.records();
        for (int i = 0; i < entries.size(); i++) {
            PutRecordsResultEntry result = results.get(i);
            if (result.errorCode() != null) {
                refused.add(entries.get(i));
                reason = result.errorCode() + " " + result.errorMessage();
            }
        }
        return new Outcome(refused, reason, null);
    }

    private void pause(int attempt, int pendingRecords) {
        try {
            Thread.sleep(this.retry.backoffBefore(attempt).toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new StreamPublishFailedException("interrupted while retrying records for stream "
                    + this.streamName, pendingRecords, ex);
        }
    }

    private record Outcome(List<PutRecordsRequestEntry> refused, String reason, Throwable cause) {
    }

}
