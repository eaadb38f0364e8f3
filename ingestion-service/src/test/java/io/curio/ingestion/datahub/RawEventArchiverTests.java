package io.curio.ingestion.datahub;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import io.curio.events.EventCodec;
import io.curio.events.stream.EventBatch;
import io.curio.ingestion.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class RawEventArchiverTests {

    private static final Instant RECEIVED = Instant.parse("2026-12-04T10:15:00Z");

    private static final EventCodec CODEC = new EventCodec(Clock.fixed(RECEIVED, ZoneOffset.UTC));

    private static final String GOOD = "{\"eventId\":\"e1\",\"type\":\"open\",\"userId\":\"7\",\"bookId\":\"1\","
            + "\"occurredAt\":\"2026-12-04T09:00:00Z\"}";

    private final InMemoryObjectStore store = new InMemoryObjectStore(true);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final SettableClock clock = new SettableClock(RECEIVED);

    private final List<String> checkpoints = new ArrayList<>();

    private final RawEventArchiver archiver = archiver(DataSize.ofMegabytes(64));

    @Test
    void writesValidRecordsAsReceivedAndRejectedOnesWithTheirReason() throws IOException {
        // given
        EventBatch batch = batch(GOOD, "{\"type\":\"teleport\"}", GOOD.replace("e1", "e2"));

        // when
        this.archiver.handle(batch);

        // then
        assertThat(gunzip("raw/events/dt=2026-12-04/hr=10/shardId-000000000001-100.jsonl.gz"))
            .isEqualTo(GOOD + "\n" + GOOD.replace("e1", "e2") + "\n");
        assertThat(gunzip("rejected/events/dt=2026-12-04/hr=10/shardId-000000000001-100.jsonl.gz"))
            .isEqualTo("{\"sequenceNumber\":\"101\",\"reason\":\"unknown type: teleport\","
                    + "\"data\":\"{\\\"type\\\":\\\"teleport\\\"}\"}\n");
        assertThat(this.meters.counter("curio.ingestion.hub.objects.written", "kind", "raw-events").count())
            .isEqualTo(1);
        assertThat(this.meters.counter("curio.ingestion.events.rejected", "source", "stream", "reason",
                "unknown-type").count()).isEqualTo(1);
    }

    @Test
    void writesNoRejectedObjectForACleanBatch() {
        this.archiver.handle(batch(GOOD));
        assertThat(this.store.objects()).containsOnlyKeys(
                "raw/events/dt=2026-12-04/hr=10/shardId-000000000001-100.jsonl.gz");
    }

    @Test
    void keepsOneEventALineWhenARecordSpansLines() throws IOException {
        // given
        String pretty = GOOD.replace(",", ",\n  ");

        // when
        this.archiver.handle(batch(pretty));

        // then
        String archived = gunzip("raw/events/dt=2026-12-04/hr=10/shardId-000000000001-100.jsonl.gz");
        assertThat(archived.lines()).singleElement().isEqualTo(GOOD.replace(",", ",   "));
    }

    @Test
    void collectsBatchesOfAShardIntoOneObjectAndCheckpointsOnlyOnceItIsWritten() throws IOException {
        // given
        this.archiver.take(batch(100, GOOD), this.checkpoints::add);
        this.archiver.take(batch(101, GOOD.replace("e1", "e2")), this.checkpoints::add);

        // when
        this.clock.advance(Duration.ofSeconds(59));
        this.archiver.flushAged();

        // then
        assertThat(this.store.objects()).isEmpty();
        assertThat(this.checkpoints).isEmpty();

        // when
        this.clock.advance(Duration.ofSeconds(1));
        this.archiver.flushAged();

        // then
        assertThat(gunzip("raw/events/dt=2026-12-04/hr=10/shardId-000000000001-100.jsonl.gz"))
            .isEqualTo(GOOD + "\n" + GOOD.replace("e1", "e2") + "\n");
        assertThat(this.checkpoints).containsExactly("101");
        assertThat(this.meters.counter("curio.ingestion.archive.flushes", "trigger", "age").count()).isEqualTo(1);
    }

    @Test
    void writesABufferAsSoonAsItReachesTheSizeLimit() {
        // given
        RawEventArchiver small = archiver(DataSize.ofBytes(GOOD.length() * 2L));

        // when
        small.take(batch(100, GOOD), this.checkpoints::add);
        small.take(batch(101, GOOD.replace("e1", "e2"), GOOD.replace("e1", "e3")), this.checkpoints::add);

        // then
        assertThat(this.store.objects()).containsOnlyKeys(
                "raw/events/dt=2026-12-04/hr=10/shardId-000000000001-100.jsonl.gz");
        assertThat(this.checkpoints).containsExactly("102");
        assertThat(this.meters.counter("curio.ingestion.archive.flushes", "trigger", "size").count()).isEqualTo(1);
    }

    @Test
    void keepsTheBufferUncheckedWhileTheHubFailsAndWritesItLater() {
        // given
        this.archiver.take(batch(100, GOOD), this.checkpoints::add);
        this.store.failing(true);
        this.clock.advance(Duration.ofMinutes(2));

        // when
        this.archiver.flushAged();

        // then
        assertThat(this.checkpoints).isEmpty();
        assertThat(this.meters.counter("curio.ingestion.archive.flush.failures").count()).isEqualTo(1);

        // when
        this.store.failing(false);
        this.archiver.flushAged();

        // then
        assertThat(this.store.objects()).hasSize(1);
        assertThat(this.checkpoints).containsExactly("100");
    }

    @Test
    void archivesAnEventIdOnceWhenItIsDeliveredAgain() throws IOException {
        // given
        this.archiver.take(batch(100, GOOD, GOOD), this.checkpoints::add);
        this.archiver.drain();

        // when
        this.archiver.take(batch(102, GOOD, GOOD.replace("e1", "e2")), this.checkpoints::add);
        this.archiver.drain();

        // then
        assertThat(gunzip("raw/events/dt=2026-12-04/hr=10/shardId-000000000001-100.jsonl.gz"))
            .isEqualTo(GOOD + "\n");
        assertThat(gunzip("raw/events/dt=2026-12-04/hr=10/shardId-000000000001-102.jsonl.gz"))
            .isEqualTo(GOOD.replace("e1", "e2") + "\n");
        assertThat(this.meters.counter("curio.ingestion.events.duplicates", "source", "stream").count()).isEqualTo(2);
        assertThat(this.checkpoints).containsExactly("101", "103");
    }

    @Test
    void skipsRecordsTheShardDeliversAgainAfterARewind() {
        // given
        this.archiver.take(batch(100, GOOD, GOOD.replace("e1", "e2")), this.checkpoints::add);

        // when
        this.archiver.take(batch(100, GOOD, GOOD.replace("e1", "e2"), GOOD.replace("e1", "e3")),
                this.checkpoints::add);
        this.archiver.drain();

        // then
        assertThat(this.meters.counter("curio.ingestion.events.duplicates", "source", "stream").count()).isZero();
        assertThat(this.checkpoints).containsExactly("102");
    }

    @Test
    void partitionsByWhenTheStreamReceivedTheFirstRecord() {
        // given
        EventBatch late = new EventBatch("shardId-000000000001", "100", Instant.parse("2026-12-03T23:59:59Z"),
                batch(100, GOOD).records());

        // when
        this.archiver.take(late, this.checkpoints::add);
        this.archiver.drain();

        // then
        assertThat(this.store.objects()).containsOnlyKeys(
                "raw/events/dt=2026-12-03/hr=23/shardId-000000000001-100.jsonl.gz");
    }

    @Test
    void reportsTheAgeAndSizeOfWhatIsBuffered() {
        // given
        this.archiver.take(batch(100, GOOD), this.checkpoints::add);

        // when
        this.clock.advance(Duration.ofSeconds(12));

        // then
        assertThat(this.meters.get("curio.ingestion.archive.buffer.age").gauge().value()).isEqualTo(12);
        assertThat(this.meters.get("curio.ingestion.archive.buffer.bytes").gauge().value()).isEqualTo(GOOD.length());
    }

    private RawEventArchiver archiver(DataSize maxBytes) {
        ArchiveSettings settings = new ArchiveSettings(maxBytes, Duration.ofSeconds(60), Duration.ofSeconds(1), 1000,
                Duration.ZERO);
        DataHubWriter writer = new DataHubWriter(this.store, new DataHubSettings("", "curio", "us-east-1", "", ""),
                this.meters);
        return new RawEventArchiver(writer, CODEC, settings, this.clock, this.meters);
    }

    private static EventBatch batch(String... records) {
        return batch(100, records);
    }

    private static EventBatch batch(int firstSequenceNumber, String... records) {
        List<EventBatch.Record> list = new ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            byte[] data = records[i].getBytes(StandardCharsets.UTF_8);
            list.add(new EventBatch.Record(String.valueOf(firstSequenceNumber + i), data, CODEC.decode(data)));
        }
        return new EventBatch("shardId-000000000001", String.valueOf(firstSequenceNumber), RECEIVED, list);
    }

    private String gunzip(String key) throws IOException {
        assertThat(this.store.objects()).containsKey(key);
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(this.store.objects().get(key)))) {
            return new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
