package io.curio.localstack.dataset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import io.curio.events.DecodedEvent;
import io.curio.events.EngagementEvent;
import io.curio.events.EventCodec;
import io.curio.events.EventType;
import io.curio.events.hub.DataHubClients;
import io.curio.events.hub.DataHubLocation;
import io.curio.localstack.infra.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HubImportIT {

    private static final String BUCKET = "curio";

    private static final Instant IMPORTED_AT = Instant.parse("2026-06-01T16:20:00Z");

    @TempDir
    static Path temp;

    private static S3Server server;

    private static S3Client s3;

    private static Dataset small;

    @BeforeAll
    static void startS3() {
        server = S3Server.start(temp.resolve("s3"), 0);
        server.createBucket(BUCKET);
        s3 = DataHubClients.s3(new DataHubLocation(server.endpoint().toString(), BUCKET, "us-east-1",
                S3Server.ACCESS_KEY, S3Server.SECRET_KEY));
        small = Datasets.load(SharedData.folder("goodbooks-10k-small"));
    }

    @AfterAll
    static void stopS3() {
        s3.close();
        server.close();
    }

    @Test
    void writesTheHistoryAsValidEventsUnderOnePrefix() throws IOException {
        List<String> progress = new ArrayList<>();

        ImportSummary summary = HubImport.write(small, s3, BUCKET, IMPORTED_AT, progress::add);

        List<String> keys = keys(summary.prefix());
        List<EngagementEvent> events = readAll(keys);
        assertThat(summary.events()).isEqualTo(60_289);
        assertThat(summary.objects()).isEqualTo(1);
        assertThat(keys).containsExactly("raw/events/dt=2026-06-01/hr=16/import-goodbooks-10k-small-00000.jsonl.gz");
        assertThat(events).hasSize(60_289);
        assertThat(events).extracting(EngagementEvent::eventId).doesNotHaveDuplicates();
        assertThat(events).filteredOn((event) -> event.type() == EventType.RATE).hasSize(36_755);
        assertThat(events).allSatisfy((event) -> assertThat(event.occurredAt()).isBefore(IMPORTED_AT));
        assertThat(progress).containsExactly("events 60,289 / 60,289 (object 1 of 1)");
        assertThat(summary.bytes()).isEqualTo(totalSize(summary.prefix()));
    }

    @Test
    void splitsIntoObjectsOfOneHundredThousandEventsAndOverwritesThemOnReimport() throws IOException {
        Dataset sample = Datasets.sample(3);
        Instant importedAt = IMPORTED_AT.plusSeconds(7_200);

        ImportSummary first = HubImport.write(sample, s3, BUCKET, importedAt, (line) -> { });
        List<String> firstKeys = keys(first.prefix());
        List<EngagementEvent> firstEvents = readAll(firstKeys);
        ImportSummary second = HubImport.write(sample, s3, BUCKET, importedAt, (line) -> { });

        assertThat(first.objects()).isEqualTo((sample.interactions().size() + 99_999) / 100_000);
        assertThat(firstKeys).hasSize(first.objects());
        assertThat(firstEvents).hasSize(sample.interactions().size());
        assertThat(second.prefix()).isEqualTo(first.prefix());
        assertThat(keys(second.prefix())).isEqualTo(firstKeys);
        assertThat(readAll(firstKeys)).isEqualTo(firstEvents);
    }

    @Test
    void listsOnlyItsOwnObjectsUnderItsPrefix() {
        Instant importedAt = IMPORTED_AT.plusSeconds(3_600);
        s3.putObject((request) -> request.bucket(BUCKET)
            .key("raw/events/dt=2026-06-01/hr=17/import-sample-5-extra-00000.jsonl.gz"), RequestBody.fromString("x"));
        Dataset sample = Datasets.sample(5);

        ImportSummary summary = HubImport.write(sample, s3, BUCKET, importedAt, (line) -> { });

        assertThat(summary.objects()).isEqualTo(2);
        assertThat(keys(summary.prefix())).hasSize(2)
            .allSatisfy((key) -> assertThat(key).matches(".*/import-sample-5-\\d{5}\\.jsonl\\.gz"));
    }

    @Test
    void writesNothingForAnEmptyHistory() {
        Dataset empty = new Dataset("empty", List.of(), List.of(), List.of());
        List<String> progress = new ArrayList<>();

        ImportSummary summary = HubImport.write(empty, s3, BUCKET, IMPORTED_AT, progress::add);

        assertThat(summary.objects()).isZero();
        assertThat(summary.events()).isZero();
        assertThat(summary.prefix()).isEqualTo("raw/events/dt=2026-06-01/hr=16/import-empty-");
        assertThat(keys(summary.prefix())).isEmpty();
        assertThat(progress).isEmpty();
    }

    @Test
    void refusesAnImportTimeInTheFuture() {
        Instant tomorrow = Instant.now().plusSeconds(86_400);

        assertThatThrownBy(() -> HubImport.write(small, s3, BUCKET, tomorrow, (line) -> { }))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("future");
    }

    private static List<String> keys(String prefix) {
        return s3.listObjectsV2Paginator((request) -> request.bucket(BUCKET).prefix(prefix)).contents().stream()
            .map(S3Object::key)
            .toList();
    }

    private static long totalSize(String prefix) {
        return s3.listObjectsV2Paginator((request) -> request.bucket(BUCKET).prefix(prefix)).contents().stream()
            .mapToLong(S3Object::size)
            .sum();
    }

    private static List<EngagementEvent> readAll(List<String> keys) throws IOException {
        EventCodec codec = new EventCodec(Clock.systemUTC());
        List<EngagementEvent> events = new ArrayList<>();
        Set<String> invalid = new HashSet<>();
        for (String key : keys) {
            byte[] object = s3.getObjectAsBytes((request) -> request.bucket(BUCKET).key(key)).asByteArray();
            for (String line : lines(object)) {
                DecodedEvent decoded = codec.decode(line.getBytes(StandardCharsets.UTF_8));
                if (decoded instanceof DecodedEvent.Valid valid) {
                    events.add(valid.event());
                }
                else {
                    invalid.add(decoded.toString());
                }
            }
        }
        assertThat(invalid).isEmpty();
        return events;
    }

    private static List<String> lines(byte[] gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).endsWith("\n");
            return text.lines().toList();
        }
    }

}
