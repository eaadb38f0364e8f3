package io.curio.ingestion.datahub;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import io.curio.events.EventCodec;
import io.curio.events.stream.EventBatch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.util.unit.DataSize;

/**
 * What the archive costs per event without a stream in front of it: records are decoded and validated as the
 * consumer does, deduplicated, buffered per shard and written as gzip objects to an in-memory store. Prints the
 * rate per second of wall time and per second of CPU time of the one thread doing it (events/s per core), after a
 * warm-up round, and writes the numbers as JSON.
 * <p>
 * Arguments: {@code [events per round, default 500000] [rounds, default 3] [output file]}.
 */
public final class ArchiveCostBenchmark {

    private static final int BATCH = 500;

    private static final String[] TYPES = { "open", "click", "read", "finish", "wishlist", "rate" };

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ArchiveCostBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int events = (args.length > 0) ? Integer.parseInt(args[0]) : 500_000;
        int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
        PrintStream out = System.out;
        List<byte[]> records = records(events, new SplittableRandom(42));
        long rawBytes = records.stream().mapToLong((record) -> record.length).sum();
        out.printf(Locale.ROOT, "consumer cost: %,d events (%,d bytes) a round, 1 warm-up round, %d measured%n",
                events, rawBytes, rounds);
        round(records, 0, out);
        List<Round> measured = new ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
            measured.add(round(records, i, out));
        }
        Round best = measured.stream().max((a, b) -> Double.compare(a.perCpuSecond(), b.perCpuSecond())).orElseThrow();
        String json = best.json(events, rawBytes);
        out.println("consumer cost, best round: " + json);
        if (args.length > 2) {
            Files.writeString(Path.of(args[2]), json + "\n", StandardCharsets.UTF_8);
        }
    }

    private static Round round(List<byte[]> records, int number, PrintStream out) {
        InMemoryObjectStore store = new InMemoryObjectStore(false);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ArchiveSettings settings = new ArchiveSettings(DataSize.ofMegabytes(64), Duration.ofSeconds(60),
                Duration.ofSeconds(1), 200_000, Duration.ZERO);
        Clock clock = Clock.systemUTC();
        EventCodec codec = new EventCodec(clock);
        RawEventArchiver archiver = new RawEventArchiver(new DataHubWriter(store, new DataHubSettings("", "curio",
                "us-east-1", "", ""), meters), codec, settings, clock, meters);
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        for (int from = 0; from < records.size(); from += BATCH) {
            archiver.take(batch(records, from, codec, clock.instant()), (sequenceNumber) -> {
            });
        }
        archiver.drain();
        Round round = new Round(records.size(), System.nanoTime() - wallStart,
                THREADS.getCurrentThreadCpuTime() - cpuStart, store.bytes());
        out.printf(Locale.ROOT, "  %s %d: %,.0f events/s wall, %,.0f events/s per CPU second, %,d bytes written%n",
                (number == 0) ? "warm-up" : "round", number, round.perWallSecond(), round.perCpuSecond(),
                round.writtenBytes());
        return round;
    }

    private static EventBatch batch(List<byte[]> records, int from, EventCodec codec, Instant receivedAt) {
        int to = Math.min(records.size(), from + BATCH);
        List<EventBatch.Record> batch = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            batch.add(new EventBatch.Record(String.valueOf(1_000_000L + i), records.get(i),
                    codec.decode(records.get(i))));
        }
        return new EventBatch("shardId-000000000000", batch.get(0).sequenceNumber(), receivedAt, batch);
    }

    /** Events shaped like the app's: a few percent are repeats of an earlier id, one in a thousand is invalid. */
    private static List<byte[]> records(int count, SplittableRandom random) {
        List<byte[]> records = new ArrayList<>(count);
        Instant base = Instant.parse("2026-12-04T10:00:00Z");
        for (int i = 0; i < count; i++) {
            int id = (random.nextInt(100) < 3 && i > 0) ? random.nextInt(i) : i;
            String type = TYPES[random.nextInt(TYPES.length)];
            String value = type.equals("rate") ? ",\"value\":" + (1 + random.nextInt(5)) : "";
            String json = "{\"eventId\":\"evt-" + id + "\",\"type\":\"" + type + "\",\"userId\":\""
                    + random.nextInt(53_424) + "\",\"bookId\":\"" + (1 + random.nextInt(10_000))
                    + "\",\"occurredAt\":\"" + base.plusMillis(i) + "\",\"platform\":\"ios\"" + value + "}";
            records.add((random.nextInt(1000) == 0) ? json.substring(1).getBytes(StandardCharsets.UTF_8)
                    : json.getBytes(StandardCharsets.UTF_8));
        }
        return records;
    }

    private record Round(int events, long wallNanos, long cpuNanos, long writtenBytes) {

        double perWallSecond() {
            return this.events / (this.wallNanos / 1e9);
        }

        double perCpuSecond() {
            return this.events / (this.cpuNanos / 1e9);
        }

        String json(int roundEvents, long rawBytes) {
            return String.format(Locale.ROOT, "{\"events\":%d,\"rawBytes\":%d,\"writtenBytes\":%d,"
                    + "\"wallSeconds\":%.3f,\"cpuSeconds\":%.3f,\"eventsPerSecond\":%.0f,\"eventsPerCpuSecond\":%.0f,"
                    + "\"microsPerEvent\":%.2f}", roundEvents, rawBytes, this.writtenBytes, this.wallNanos / 1e9,
                    this.cpuNanos / 1e9, perWallSecond(), perCpuSecond(), this.cpuNanos / 1e3 / roundEvents);
        }

    }

}
