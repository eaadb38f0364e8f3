package io.curio.inference.training;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import io.curio.events.DataHubKeys;
import io.curio.events.EngagementEvent;
import io.curio.events.EventCodec;
import io.curio.events.EventType;
import io.curio.events.hub.DataHubLocation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes goodbooks-10k into a data hub as the history import does: ratings as {@code rate} events and to-read
 * marks as {@code add_to_library} events, 100,000 gzip JSON lines per object, spread over the past year.
 */
final class GoodbooksHub {

    private static final int EVENTS_PER_OBJECT = 100_000;

    private final EventCodec codec;

    private final S3Client s3;

    private final DataHubLocation location;

    private final Instant now = Instant.now();

    private ByteArrayOutputStream lines = new ByteArrayOutputStream();

    private int linesInObject;

    private int objects;

    private long events;

    GoodbooksHub(S3Client s3, DataHubLocation location, EventCodec codec) {
        this.s3 = s3;
        this.location = location;
        this.codec = codec;
    }

    static GoodbooksHub of(S3Client s3, DataHubLocation location) {
        return new GoodbooksHub(s3, location, new EventCodec(Clock.systemUTC()));
    }

    /** Writes the folder's {@code ratings*.csv.gz} and {@code to_read*.csv.gz}. */
    void write(Path dataset) throws IOException {
        writeCsv(only(dataset, "ratings"), true);
        writeCsv(only(dataset, "to_read"), false);
        flush();
    }

    /** The one {@code <prefix>*.csv.gz} of a goodbooks folder. */
    static Path only(Path dataset, String prefix) throws IOException {
        List<Path> files;
        try (Stream<Path> entries = Files.list(dataset)) {
            files = entries.filter((file) -> file.getFileName().toString().matches(prefix + "[^/]*\\.csv\\.gz"))
                .toList();
        }
        if (files.size() != 1) {
            throw new IllegalArgumentException("expected one " + prefix + "*.csv.gz in " + dataset + ", found "
                    + files.size());
        }
        return files.get(0);
    }

    int objects() {
        return this.objects;
    }

    long events() {
        return this.events;
    }

    private void writeCsv(Path csv, boolean ratings) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(csv)), StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            boolean bookFirst = header.startsWith("book_id");
            for (String row = reader.readLine(); row != null; row = reader.readLine()) {
                String[] fields = row.split(",");
                String user = bookFirst ? fields[1] : fields[0];
                String book = bookFirst ? fields[0] : fields[1];
                append(ratings ? event(user, EventType.RATE, book, Integer.valueOf(fields[2]))
                        : event(user, EventType.ADD_TO_LIBRARY, book, null));
            }
        }
    }

    private EngagementEvent event(String user, EventType type, String book, Integer value) {
        long secondsAgo = (this.events * 7919) % Duration.ofDays(365).toSeconds();
        return new EngagementEvent("e" + this.events, type, user, book, this.now.minusSeconds(secondsAgo), null,
                value, null, Map.of());
    }

    private void append(EngagementEvent event) throws IOException {
        this.lines.write(this.codec.encode(event));
        this.lines.write('\n');
        this.events++;
        if (++this.linesInObject == EVENTS_PER_OBJECT) {
            flush();
        }
    }

    private void flush() throws IOException {
        if (this.linesInObject == 0) {
            return;
        }
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            this.lines.writeTo(gzip);
        }
        String key = DataHubKeys.importedEvents(this.now, "goodbooks", this.objects++);
        this.s3.putObject((request) -> request.bucket(this.location.bucket()).key(key),
                RequestBody.fromBytes(gzipped.toByteArray()));
        this.lines = new ByteArrayOutputStream();
        this.linesInObject = 0;
    }

}
