package io.curio.ingestion.datahub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import io.curio.events.DataHubKeys;
import io.curio.events.DecodedEvent;
import io.curio.events.EventCodec;
import io.curio.events.stream.BufferingEventBatchHandler;
import io.curio.events.stream.EventBatch;
import io.curio.events.stream.ShardCheckpoint;
import io.curio.ingestion.events.RejectionReasons;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Archives the engagement stream into the data hub. Records are buffered per shard and written when
 * the buffer reaches {@code max-bytes} or its oldest record {@code max-age}: valid records as received,
 * one a line, under {@code raw/events/}, and refused records with their reason under
 * {@code rejected/events/}, both gzip-compressed. Only after both objects are written does the shard's
 * checkpoint move past the buffer, so a checkpoint never covers a record that is not in the hub.
 * Objects are named after the shard and the buffer's first sequence number and partitioned by the time
 * the stream received that record: after a crash, the buffer rebuilt from the last checkpoint
 * overwrites the same objects.
 */
@Component
public class RawEventArchiver implements BufferingEventBatchHandler {

    private static final Log logger = LogFactory.getLog(RawEventArchiver.class);

    private static final byte NEWLINE = '\n';

    private final DataHubWriter writer;

    private final JsonMapper mapper;

    private final ArchiveSettings settings;

    private final Clock clock;

    private final MeterRegistry meters;

    private final Map<String, ShardBuffer> buffers = new LinkedHashMap<>();

    private final Map<String, BigInteger> archivedUpTo = new HashMap<>();

    private final RecentEventIds recent;

    private final Timer bufferAgeAtFlush;

    private volatile boolean draining;

    private volatile Instant oldestOpenedAt;

    private volatile long bufferedBytes;

    private boolean failing;

    public RawEventArchiver(DataHubWriter writer, EventCodec codec, ArchiveSettings settings, Clock clock,
            MeterRegistry meters) {
        this.writer = writer;
        this.mapper = codec.mapper();
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        this.recent = new RecentEventIds(settings.dedupeWindow());
        this.bufferAgeAtFlush = Timer.builder("curio.ingestion.archive.batch.age")
            .description("How long a shard's buffer collected records before it was written")
            .register(meters);
        Gauge.builder("curio.ingestion.archive.buffer.age", this, RawEventArchiver::oldestBufferSeconds)
            .description("Age of the oldest buffer not yet written to the data hub")
            .baseUnit("seconds")
            .register(meters);
        Gauge.builder("curio.ingestion.archive.buffer.bytes", this, (archiver) -> archiver.bufferedBytes)
            .description("Bytes of records buffered and not yet written to the data hub")
            .baseUnit("bytes")
            .register(meters);
    }

    @Override
    public synchronized void take(EventBatch batch, ShardCheckpoint checkpoint) {
        ShardBuffer buffer = this.buffers.computeIfAbsent(batch.shardId(), this::newBuffer);
        int duplicates = buffer.append(batch, checkpoint, this.recent);
        count(batch, duplicates);
        if (buffer.bytes() >= this.settings.maxBytes().toBytes()) {
            writeUntilDone(buffer);
        }
        observeBuffers();
    }

    private ShardBuffer newBuffer(String shardId) {
        return new ShardBuffer(shardId, this.clock.instant(), this.archivedUpTo.get(shardId));
    }

    /**
     * A full buffer holds the consumer until it is written: taking more would only grow it. Gives up
     * when the service stops; the records are then read again after the restart.
     */
    private void writeUntilDone(ShardBuffer buffer) {
        while (!flush(buffer, FlushTrigger.SIZE)) {
            if (this.draining) {
                return;
            }
            pause();
        }
    }

    /** Writes every buffer whose oldest record waited {@code max-age}. */
    @Scheduled(fixedDelayString = "${curio.ingestion.archive.check-interval:1s}")
    public synchronized void flushAged() {
        Instant now = this.clock.instant();
        for (ShardBuffer buffer : List.copyOf(this.buffers.values())) {
            if (Duration.between(buffer.openedAt(), now).compareTo(this.settings.maxAge()) >= 0) {
                flush(buffer, FlushTrigger.AGE);
            }
        }
        observeBuffers();
    }

    /**
     * Writes every buffer once. A consumer waiting for a full buffer to be written stops waiting
     * first, so that draining never hangs on a data hub that is down: what is not written is read
     * again after the restart.
     */
    @Override
    public void drain() {
        this.draining = true;
        try {
            synchronized (this) {
                for (ShardBuffer buffer : List.copyOf(this.buffers.values())) {
                    flush(buffer, FlushTrigger.DRAIN);
                }
                observeBuffers();
            }
        }
        finally {
            this.draining = false;
        }
    }

    /** Writes the buffer's objects and advances the checkpoint; answers whether that succeeded. */
    private boolean flush(ShardBuffer buffer, FlushTrigger trigger) {
        if (buffer.isEmpty()) {
            return true;
        }
        try {
            write(buffer);
        }
        catch (RuntimeException ex) {
            logFailure(buffer, ex);
            return false;
        }
        completed(buffer, trigger);
        return true;
    }

    private void write(ShardBuffer buffer) {
        Instant receivedAt = buffer.firstReceivedAt();
        if (!buffer.valid().isEmpty()) {
            String key = DataHubKeys.rawEvents(receivedAt, buffer.shardId(), buffer.firstSequenceNumber());
            this.writer.write(key, gzipLines(buffer.valid().stream().map(RawEventArchiver::asLine).toList()),
                    HubObjectKind.RAW_EVENTS);
        }
        if (!buffer.rejected().isEmpty()) {
            String key = DataHubKeys.rejectedEvents(receivedAt, buffer.shardId(), buffer.firstSequenceNumber());
            this.writer.write(key, gzipLines(buffer.rejected().stream().map(this::rejectionLine).toList()),
                    HubObjectKind.REJECTED_EVENTS);
        }
    }

    private void completed(ShardBuffer buffer, FlushTrigger trigger) {
        this.buffers.remove(buffer.shardId());
        this.archivedUpTo.put(buffer.shardId(), buffer.lastSequenceNumber());
        buffer.eventIds().forEach(this.recent::add);
        buffer.checkpoint().advanceTo(buffer.lastSequenceNumber().toString());
        this.meters.counter("curio.ingestion.archive.flushes", "trigger", trigger.tag()).increment();
        this.bufferAgeAtFlush.record(Duration.between(buffer.openedAt(), this.clock.instant()));
        this.failing = false;
    }

    private void logFailure(ShardBuffer buffer, RuntimeException ex) {
        this.meters.counter("curio.ingestion.archive.flush.failures").increment();
        if (!this.failing) {
            logger.warn("Could not write the buffer of " + buffer.shardId() + " from " + buffer.firstSequenceNumber()
                    + " to the data hub; it is kept and written again", ex);
        }
        else if (logger.isDebugEnabled()) {
            logger.debug("Could not write the buffer of " + buffer.shardId() + " again", ex);
        }
        this.failing = true;
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(this.settings.retryBackoff().toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the buffer waited for the data hub", ex);
        }
    }

    /**
     * The record's bytes as received. Line breaks can only be insignificant whitespace in a valid
     * JSON object (strings cannot hold raw control characters), so they become spaces to keep one
     * event a line.
     */
    static byte[] asLine(EventBatch.Record record) {
        byte[] data = record.data().clone();
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n' || data[i] == '\r') {
                data[i] = ' ';
            }
        }
        return data;
    }

    /**
     * A refused record with its reason and every byte of it: as text when it is UTF-8, otherwise (the
     * text would replace the malformed bytes) in base64 as {@code dataBase64}.
     */
    private byte[] rejectionLine(EventBatch.Record record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sequenceNumber", record.sequenceNumber());
        line.put("reason", ((DecodedEvent.Invalid) record.decoded()).reason());
        if (EventCodec.isUtf8(record.data())) {
            line.put("data", EventCodec.asText(record.data()));
        }
        else {
            line.put("dataBase64", Base64.getEncoder().encodeToString(record.data()));
        }
        return this.mapper.writeValueAsBytes(line);
    }

    static byte[] gzipLines(List<byte[]> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 64 * 1024)) {
            for (byte[] line : lines) {
                gzip.write(line);
                gzip.write(NEWLINE);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    private void count(EventBatch batch, int duplicates) {
        int valid = 0;
        for (EventBatch.Record record : batch.records()) {
            if (record.decoded() instanceof DecodedEvent.Invalid invalid) {
                this.meters.counter("curio.ingestion.events.rejected", "source", "stream", "reason",
                        RejectionReasons.classify(invalid.reason())).increment();
            }
            else {
                valid++;
            }
        }
        this.meters.counter("curio.ingestion.events.accepted", "source", "stream").increment(valid);
        this.meters.counter("curio.ingestion.events.duplicates", "source", "stream").increment(duplicates);
    }

    /** Keeps what the buffer gauges report, so that reading them never waits for a write. */
    private void observeBuffers() {
        this.oldestOpenedAt = this.buffers.values().stream().map(ShardBuffer::openedAt).min(Instant::compareTo)
            .orElse(null);
        this.bufferedBytes = this.buffers.values().stream().mapToLong(ShardBuffer::bytes).sum();
    }

    private double oldestBufferSeconds() {
        Instant oldest = this.oldestOpenedAt;
        return (oldest != null) ? Duration.between(oldest, this.clock.instant()).toMillis() / 1000.0 : 0;
    }

}
