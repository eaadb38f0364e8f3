package io.curio.inference.training;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import io.curio.events.DataHubKeys;
import io.curio.events.EngagementEvent;
import io.curio.events.EventCodec;
import io.curio.events.EventType;
import io.curio.events.hub.DataHubClients;
import io.curio.events.hub.DataHubLocation;
import io.curio.localstack.infra.S3Server;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Measures training on the full goodbooks-10k dataset: writes its ratings ({@code rate}) and to-read
 * marks ({@code add_to_library}) to an in-process S3 hub as gzip JSON lines, then times each stage.
 * Run with the test classpath: {@code java ... io.curio.inference.training.FullDatasetBenchmark [dataDir]}.
 */
public final class FullDatasetBenchmark {

    private static final int EVENTS_PER_OBJECT = 100_000;

    private static final String BUCKET = "curio";

    private static final Instant NOW = Instant.now();

    private final EventCodec codec = new EventCodec(Clock.systemUTC());

    private final S3Client s3;

    private final DataHubLocation location;

    private ByteArrayOutputStream lines = new ByteArrayOutputStream();

    private int linesInObject;

    private int objects;

    private long sequence;

    private FullDatasetBenchmark(S3Client s3, DataHubLocation location) {
        this.s3 = s3;
        this.location = location;
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of((args.length > 0) ? args[0] : "../../shared/data/goodbooks-10k");
        try (S3Server server = S3Server.start(null, 0)) {
            server.createBucket(BUCKET);
            DataHubLocation location = new DataHubLocation(server.endpoint().toString(), BUCKET, "us-east-1",
                    S3Server.ACCESS_KEY, S3Server.SECRET_KEY);
            try (S3Client s3 = DataHubClients.s3(location)) {
                new FullDatasetBenchmark(s3, location).run(data);
            }
        }
    }

    private void run(Path data) throws IOException {
        long started = System.nanoTime();
        writeCsv(data.resolve("ratings-v1.csv.gz"), true);
        writeCsv(data.resolve("to_read-v1.csv.gz"), false);
        flush();
        report("hub written (" + this.objects + " objects, " + this.sequence + " events)", started);
        for (int round = 1; round <= 2; round++) {
            train(round);
        }
    }

    private void train(int round) {
        long started = System.nanoTime();
        InteractionsBuilder builder = new InteractionsBuilder();
        new HubEventReader(this.s3, this.location, this.codec, 2).readAll(builder, (p) -> {
        });
        report("round " + round + " read " + builder.eventsRead() + " events", started);
        long indexing = System.nanoTime();
        Interactions interactions = builder.build();
        report("round " + round + " indexed " + interactions.size() + " interactions, " + interactions.users()
                + " users, " + interactions.books() + " books", indexing);
        long popularity = System.nanoTime();
        new PopularityTraining(Duration.ofDays(30)).scores(interactions);
        report("round " + round + " popularity", popularity);
        long neighbours = System.nanoTime();
        NeighbourTraining.Neighbours result = new NeighbourTraining(10, 50, 2).compute(interactions, (p) -> {
        });
        report("round " + round + " item-neighbours (" + result.neighbours().length + " pairs)", neighbours);
        report("round " + round + " total", started);
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
        long secondsAgo = (this.sequence * 7919) % Duration.ofDays(365).toSeconds();
        return new EngagementEvent("e" + this.sequence, type, user, book, NOW.minusSeconds(secondsAgo), null, value,
                null, Map.of());
    }

    private void append(EngagementEvent event) throws IOException {
        this.lines.write(this.codec.encode(event));
        this.lines.write('\n');
        this.sequence++;
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
        String key = DataHubKeys.importedEvents(NOW, "goodbooks", this.objects++);
        this.s3.putObject((request) -> request.bucket(BUCKET).key(key), RequestBody.fromBytes(gzipped.toByteArray()));
        this.lines = new ByteArrayOutputStream();
        this.linesInObject = 0;
    }

    private static void report(String what, long startedNanos) {
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
        System.out.printf("%-76s %6.2f s wall, process cpu so far %6.2f s%n", what,
                (System.nanoTime() - startedNanos) / 1e9, cpu / 1e9);
    }

}
