package io.curio.ingestion;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.curio.events.DataHubKeys;
import io.curio.ingestion.HostileInputs.HostileInput;
import io.curio.ingestion.collector.EventCollectorController;
import io.curio.localstack.infra.KinesisEmulator;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and invalid records put straight onto the real stream, between valid ones, and hostile bodies
 * sent to the real HTTP server: what is refused is kept with its reason, and nothing stops the consumer.
 */
class HostileRecordsIT extends IngestionContext {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static final JsonMapper LINES = JsonMapper.builder().build();

    @Autowired
    private S3Client s3;

    @Autowired
    private MeterRegistry meters;

    @LocalServerPort
    private int port;

    @Test
    void keepsEveryHostileRecordWithItsReasonAndArchivesTheValidOnesAroundThem() throws Exception {
        // given
        String marker = UUID.randomUUID().toString();
        List<HostileInput> hostile = HostileInputs.streamRecords();
        Map<String, HostileInput> bySequenceNumber = new HashMap<>();

        // when
        try (KinesisClient kinesis = KinesisEmulator.client(IngestionInfrastructure.kinesis().endpoint())) {
            put(kinesis, HostileInputs.valid(marker + "-before").getBytes(StandardCharsets.UTF_8));
            for (HostileInput input : hostile) {
                bySequenceNumber.put(put(kinesis, input.bytes()), input);
            }
            put(kinesis, HostileInputs.valid(marker + "-after").getBytes(StandardCharsets.UTF_8));
        }

        // then
        Map<String, JsonNode> rejected = awaitRejected(bySequenceNumber.keySet());
        bySequenceNumber.forEach((sequenceNumber, input) -> {
            JsonNode line = rejected.get(sequenceNumber);
            assertThat(line.get("reason").asString()).as(input.rule()).isEqualTo(input.reason());
            assertThat(keptBytes(line)).as(input.rule()).isEqualTo(input.bytes());
        });
        List<String> raw = awaitRawLinesWith(marker, 2);
        assertThat(raw).containsExactly(HostileInputs.valid(marker + "-before"),
                HostileInputs.valid(marker + "-after"));
        assertThat(rejectedOnTheStream("duplicate-key")).isPositive();
        assertThat(rejectedOnTheStream("invalid-utf8")).isPositive();
    }

    @Test
    void refusesAChunkedBodyOverTheLimitWith413() throws Exception {
        // given
        String spaces = " ".repeat(EventCollectorController.MAX_BODY_BYTES);
        byte[] body = ("[" + spaces + "]").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = events().POST(HttpRequest.BodyPublishers.ofInputStream(() -> chunks(body))).build();

        // when
        HttpResponse<String> response = http().send(request, HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(LINES.readTree(response.body()).get("detail").asString())
            .isEqualTo("request body is larger than 1048576 bytes");
    }

    @Test
    void readsNoMoreThanAnUnderstatedContentLength() throws Exception {
        // given
        String events = "[" + (HostileInputs.valid("understated") + ",").repeat(400) + HostileInputs.valid("last")
                + "]";
        String head = "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "X-User-Id: 7\r\nContent-Length: 20\r\n\r\n";

        // when
        String statusLine;
        String answer;
        try (Socket socket = new Socket("127.0.0.1", this.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((head + events).getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            statusLine = reader.readLine();
            answer = reader.lines().filter((line) -> line.startsWith("{")).findFirst().orElse("");
        }

        // then
        assertThat(statusLine).isEqualTo("HTTP/1.1 400 ");
        assertThat(LINES.readTree(answer).get("detail").asString()).startsWith("invalid JSON at byte 20: ");
    }

    @Test
    void refusesHostileJsonWith400() throws Exception {
        for (HostileInput input : HostileInputs.hostileJson()) {
            // given
            HttpRequest request = events().POST(HttpRequest.BodyPublishers.ofByteArray(input.bytes())).build();

            // when
            HttpResponse<String> response = http().send(request, HttpResponse.BodyHandlers.ofString());

            // then
            assertThat(response.statusCode()).as(input.rule()).isEqualTo(400);
            assertThat(LINES.readTree(response.body()).get("detail").asString()).as(input.rule())
                .isEqualTo(input.reason());
        }
    }

    private HttpRequest.Builder events() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/events"))
            .header("Content-Type", "application/json")
            .header("X-User-Id", "7");
    }

    private static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The body in small reads, so the client sends it in chunks without a Content-Length. */
    private static InputStream chunks(byte[] body) {
        return new ByteArrayInputStream(body) {

            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                return super.read(buffer, offset, Math.min(length, 8192));
            }

        };
    }

    private static String put(KinesisClient kinesis, byte[] data) {
        return kinesis.putRecord((request) -> request.streamName(IngestionInfrastructure.STREAM)
            .partitionKey("hostile")
            .data(SdkBytes.fromByteArray(data))).sequenceNumber();
    }

    private double rejectedOnTheStream(String tag) {
        return this.meters.counter("curio.ingestion.events.rejected", "source", "stream", "reason", tag).count();
    }

    private Map<String, JsonNode> awaitRejected(Set<String> sequenceNumbers) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        Map<String, JsonNode> found = new HashMap<>();
        while (Instant.now().isBefore(deadline)) {
            for (String line : HubLines.under(this.s3, DataHubKeys.REJECTED_EVENTS)) {
                JsonNode rejected = LINES.readTree(line);
                found.put(rejected.get("sequenceNumber").asString(), rejected);
            }
            if (found.keySet().containsAll(sequenceNumbers)) {
                return found;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not every hostile record under " + DataHubKeys.REJECTED_EVENTS + " in " + PATIENCE);
    }

    private List<String> awaitRawLinesWith(String marker, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        List<String> found = List.of();
        while (found.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            found = HubLines.under(this.s3, DataHubKeys.RAW_EVENTS)
                .stream()
                .filter((line) -> line.contains(marker))
                .toList();
        }
        return found;
    }

    /** Every byte of a refused record: text when it was UTF-8, base64 otherwise. */
    private static byte[] keptBytes(JsonNode line) {
        if (line.has("dataBase64")) {
            return Base64.getDecoder().decode(line.get("dataBase64").asString());
        }
        return line.get("data").asString().getBytes(StandardCharsets.UTF_8);
    }

}
