package io.curio.ingestion.datahub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import io.curio.events.DataHubKeys;
import io.curio.events.DecodedEvent;
import io.curio.events.EventCodec;
import io.curio.events.stream.EventBatch;
import io.curio.events.stream.EventBatchHandler;
import io.curio.ingestion.events.RejectionReasons;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Archives every batch read from the engagement stream: valid records as received, one a line, under
 * {@code raw/events/}, and refused records with their reason under {@code rejected/events/}. Both
 * objects are written before the batch is reported handled, so a checkpoint never covers a record
 * that is not in the hub.
 */
@Component
public class RawEventArchiver implements EventBatchHandler {

    private static final byte NEWLINE = '\n';

    private final DataHubWriter writer;

    private final JsonMapper mapper;

    private final MeterRegistry meters;

    public RawEventArchiver(DataHubWriter writer, EventCodec codec, MeterRegistry meters) {
        this.writer = writer;
        this.mapper = codec.mapper();
        this.meters = meters;
    }

    @Override
    public void handle(EventBatch batch) {
        List<EventBatch.Record> valid = batch.records().stream().filter(RawEventArchiver::isValid).toList();
        List<EventBatch.Record> invalid = batch.records().stream().filter((r) -> !isValid(r)).toList();
        if (!valid.isEmpty()) {
            String key = DataHubKeys.rawEvents(batch.receivedAt(), batch.shardId(), batch.firstSequenceNumber());
            this.writer.write(key, gzipLines(valid.stream().map(RawEventArchiver::asLine).toList()),
                    HubObjectKind.RAW_EVENTS);
        }
        if (!invalid.isEmpty()) {
            String key = DataHubKeys.rejectedEvents(batch.receivedAt(), batch.shardId(),
                    batch.firstSequenceNumber());
            this.writer.write(key, gzipLines(invalid.stream().map(this::rejectionLine).toList()),
                    HubObjectKind.REJECTED_EVENTS);
        }
        count(valid, invalid);
    }

    private static boolean isValid(EventBatch.Record record) {
        return record.decoded() instanceof DecodedEvent.Valid;
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

    private byte[] rejectionLine(EventBatch.Record record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sequenceNumber", record.sequenceNumber());
        line.put("reason", ((DecodedEvent.Invalid) record.decoded()).reason());
        line.put("data", EventCodec.asText(record.data()));
        return this.mapper.writeValueAsBytes(line);
    }

    static byte[] gzipLines(List<byte[]> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
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

    private void count(List<EventBatch.Record> valid, List<EventBatch.Record> invalid) {
        this.meters.counter("curio.ingestion.events.accepted", "source", "stream").increment(valid.size());
        for (EventBatch.Record record : invalid) {
            String reason = ((DecodedEvent.Invalid) record.decoded()).reason();
            this.meters.counter("curio.ingestion.events.rejected", "source", "stream", "reason",
                    RejectionReasons.classify(reason)).increment();
        }
    }

}
