package io.curio.ingestion.datahub;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import io.curio.events.EventCodec;
import io.curio.events.stream.EventBatch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RawEventArchiverTests {

    private static final Instant RECEIVED = Instant.parse("2026-12-04T10:15:00Z");

    private static final EventCodec CODEC = new EventCodec(Clock.fixed(RECEIVED, ZoneOffset.UTC));

    private static final String GOOD = "{\"eventId\":\"e1\",\"type\":\"open\",\"userId\":\"7\",\"bookId\":\"1\","
            + "\"occurredAt\":\"2026-12-04T09:00:00Z\"}";

    private final ObjectStore store = new ObjectStore();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final RawEventArchiver archiver = new RawEventArchiver(
            new DataHubWriter(this.store, new DataHubSettings("", "curio", "us-east-1", "", ""), this.meters), CODEC,
            this.meters);

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
        assertThat(this.store.objects).containsOnlyKeys(
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

    private static EventBatch batch(String... records) {
        List<EventBatch.Record> list = new ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            byte[] data = records[i].getBytes(StandardCharsets.UTF_8);
            list.add(new EventBatch.Record(String.valueOf(100 + i), data, CODEC.decode(data)));
        }
        return new EventBatch("shardId-000000000001", "100", RECEIVED, list);
    }

    private String gunzip(String key) throws IOException {
        assertThat(this.store.objects).containsKey(key);
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(this.store.objects.get(key)))) {
            return new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static final class ObjectStore implements S3Client {

        private final Map<String, byte[]> objects = new HashMap<>();

        @Override
        public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
            try (var stream = body.contentStreamProvider().newStream()) {
                this.objects.put(request.key(), stream.readAllBytes());
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
            return PutObjectResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "s3";
        }

        @Override
        public void close() {
        }

    }

}
