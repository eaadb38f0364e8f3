package io.curio.inference.training;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.zip.GZIPInputStream;

import io.curio.events.DataHubKeys;
import io.curio.events.DecodedEvent;
import io.curio.events.EngagementEvent;
import io.curio.events.EventCodec;
import io.curio.events.hub.DataHubLocation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads every raw event object of the data hub (gzip JSON lines), handing each valid event on and
 * skipping lines that do not decode.
 */
public final class HubEventReader {

    private final S3Client s3;

    private final String bucket;

    private final EventCodec codec;

    public HubEventReader(S3Client s3, DataHubLocation location, EventCodec codec) {
        this.s3 = s3;
        this.bucket = location.bucket();
        this.codec = codec;
    }

    /**
     * Reads all events under {@code raw/events/}.
     *
     * @param progress told the fraction of objects read
     * @return counts of what was read
     */
    public ReadSummary readAll(Consumer<EngagementEvent> events, DoubleConsumer progress) {
        List<S3Object> objects = eventObjects();
        long skipped = 0;
        for (int i = 0; i < objects.size(); i++) {
            skipped += readObject(objects.get(i).key(), events);
            progress.accept((double) (i + 1) / objects.size());
        }
        return new ReadSummary(objects.size(), skipped);
    }

    private List<S3Object> eventObjects() {
        return this.s3.listObjectsV2Paginator((request) -> request.bucket(this.bucket).prefix(DataHubKeys.RAW_EVENTS))
            .contents()
            .stream()
            .filter((object) -> object.key().endsWith(".jsonl.gz"))
            .toList();
    }

    private long readObject(String key, Consumer<EngagementEvent> events) {
        try (InputStream in = new BufferedInputStream(
                new GZIPInputStream(this.s3.getObject((request) -> request.bucket(this.bucket).key(key)), 1 << 16),
                1 << 16)) {
            return decodeLines(in, events);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read hub object " + key, ex);
        }
    }

    private long decodeLines(InputStream in, Consumer<EngagementEvent> events) throws IOException {
        long skipped = 0;
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        int b;
        while ((b = in.read()) != -1) {
            if (b != '\n') {
                line.write(b);
                continue;
            }
            skipped += decodeLine(line, events);
            line.reset();
        }
        return skipped + decodeLine(line, events);
    }

    private int decodeLine(ByteArrayOutputStream line, Consumer<EngagementEvent> events) {
        if (line.size() == 0) {
            return 0;
        }
        if (this.codec.decode(line.toByteArray()) instanceof DecodedEvent.Valid valid) {
            events.accept(valid.event());
            return 0;
        }
        return 1;
    }

    /**
     * @param objects hub objects read
     * @param skipped lines that did not decode as valid events
     */
    public record ReadSummary(int objects, long skipped) {
    }

}
