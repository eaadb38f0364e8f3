package io.curio.ingestion.datahub;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import io.curio.events.EventCodec;
import io.curio.events.stream.EventBatch;
import io.curio.ingestion.HostileInputs;
import io.curio.ingestion.HostileInputs.HostileInput;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * What the archive keeps of records the contract refuses, seen only through the stream handler: each
 * goes to {@code rejected/} with its exact reason and its bytes, never to {@code raw/}, and is counted.
 */
class RejectedRecordsTests {

    private static final Instant RECEIVED = Instant.parse("2026-12-04T10:15:00Z");

    private static final EventCodec CODEC = new EventCodec(Clock.fixed(RECEIVED, ZoneOffset.UTC));

    private static final JsonMapper LINES = JsonMapper.builder().build();

    private final Map<String, byte[]> objects = new TreeMap<>();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final RawEventArchiver archiver = archiver();

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRecords")
    void keepsAHostileRecordWithItsReasonAndBytesOutOfTheRawEvents(HostileInput input) {
        // given
        byte[] valid = HostileInputs.valid("v1").getBytes(StandardCharsets.UTF_8);

        // when
        this.archiver.handle(batch(valid, input.bytes()));

        // then
        assertThat(lines("raw/")).containsExactly(HostileInputs.valid("v1"));
        assertThat(lines("rejected/")).singleElement().satisfies((line) -> {
            JsonNode rejected = LINES.readTree(line);
            assertThat(rejected.get("sequenceNumber").asString()).isEqualTo("101");
            assertThat(rejected.get("reason").asString()).isEqualTo(input.reason());
            assertThat(keptBytes(rejected)).isEqualTo(input.bytes());
            assertThat(rejected.has("data")).isEqualTo(EventCodec.isUtf8(input.bytes()));
        });
        assertThat(rejectedCount(input.tag())).isEqualTo(1);
    }

    /** Every byte of the record: as text when it is UTF-8, in base64 otherwise. */
    private static byte[] keptBytes(JsonNode rejected) {
        if (rejected.has("dataBase64")) {
            assertThat(rejected.propertyNames()).containsExactly("sequenceNumber", "reason", "dataBase64");
            return Base64.getDecoder().decode(rejected.get("dataBase64").asString());
        }
        assertThat(rejected.propertyNames()).containsExactly("sequenceNumber", "reason", "data");
        return rejected.get("data").asString().getBytes(StandardCharsets.UTF_8);
    }

    static Stream<HostileInput> hostileRecords() {
        return HostileInputs.streamRecords().stream();
    }

    @Test
    void keepsARecordOverOneMebibyteWhole() {
        // given
        byte[] large = new byte[EventCodec.MAX_RECORD_BYTES + 1];
        Arrays.fill(large, (byte) 'x');

        // when
        this.archiver.handle(batch(large));

        // then
        assertThat(this.objects.keySet()).noneMatch((key) -> key.startsWith("raw/"));
        JsonNode rejected = LINES.readTree(lines("rejected/").get(0));
        assertThat(rejected.get("reason").asString()).isEqualTo("record larger than 1048576 bytes");
        assertThat(rejected.get("data").asString()).hasSize(large.length);
        assertThat(rejectedCount("too-large")).isEqualTo(1);
    }

    @Test
    void writesNoRawObjectForABatchOfHostileRecordsAndArchivesTheNextBatch() {
        // given
        byte[][] hostile = HostileInputs.hostileJson().stream().map(HostileInput::bytes).toArray(byte[][]::new);

        // when
        this.archiver.handle(batch(hostile));
        boolean rawAfterHostile = this.objects.keySet().stream().anyMatch((key) -> key.startsWith("raw/"));
        this.archiver.handle(new EventBatch("shardId-000000000001", "200", RECEIVED,
                List.of(record("200", HostileInputs.valid("v2").getBytes(StandardCharsets.UTF_8)))));

        // then
        assertThat(rawAfterHostile).isFalse();
        assertThat(lines("rejected/")).hasSize(hostile.length);
        assertThat(lines("raw/")).containsExactly(HostileInputs.valid("v2"));
    }

    /** The archiver under test, over an S3 client that keeps what is put in memory. */
    private RawEventArchiver archiver() {
        S3Client s3 = mock(S3Client.class);
        given(s3.putObject(any(PutObjectRequest.class), any(RequestBody.class))).willAnswer((invocation) -> {
            PutObjectRequest request = invocation.getArgument(0);
            RequestBody body = invocation.getArgument(1);
            try (InputStream content = body.contentStreamProvider().newStream()) {
                this.objects.put(request.key(), content.readAllBytes());
            }
            return PutObjectResponse.builder().build();
        });
        DataHubWriter writer = new DataHubWriter(s3, new DataHubSettings("", "curio", "us-east-1", "", ""),
                this.meters);
        ArchiveSettings settings = new ArchiveSettings(DataSize.ofMegabytes(64), Duration.ofSeconds(60),
                Duration.ofSeconds(1), 1000, Duration.ZERO);
        return new RawEventArchiver(writer, CODEC, settings, Clock.fixed(RECEIVED, ZoneOffset.UTC), this.meters);
    }

    private static EventBatch batch(byte[]... records) {
        List<EventBatch.Record> list = Stream.iterate(0, (i) -> i + 1)
            .limit(records.length)
            .map((i) -> record(String.valueOf(100 + i), records[i]))
            .toList();
        return new EventBatch("shardId-000000000001", "100", RECEIVED, list);
    }

    private static EventBatch.Record record(String sequenceNumber, byte[] data) {
        return new EventBatch.Record(sequenceNumber, data, CODEC.decode(data));
    }

    /** Every line of every object under the prefix. */
    private List<String> lines(String prefix) {
        return this.objects.entrySet()
            .stream()
            .filter((object) -> object.getKey().startsWith(prefix))
            .flatMap((object) -> gunzip(object.getValue()).lines())
            .toList();
    }

    private double rejectedCount(String tag) {
        return this.meters.counter("curio.ingestion.events.rejected", "source", "stream", "reason", tag).count();
    }

    private static String gunzip(byte[] bytes) {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
