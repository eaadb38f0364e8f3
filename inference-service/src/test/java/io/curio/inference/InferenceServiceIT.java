package io.curio.inference;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

import io.curio.assignment.ImpressionSignature;
import io.curio.events.DataHubKeys;
import io.curio.events.DecodedEvent;
import io.curio.events.EngagementEvent;
import io.curio.events.EventCodec;
import io.curio.events.EventType;
import io.curio.events.hub.DataHubClients;
import io.curio.events.hub.DataHubLocation;
import io.curio.inference.model.Algorithm;
import io.curio.inference.model.ModelRegistry;
import io.curio.inference.model.ModelStore;
import io.curio.inference.model.NeighbourModel;
import io.curio.inference.recommendation.SignedFacts;
import io.curio.localstack.infra.KinesisEmulator;
import io.curio.localstack.infra.S3Server;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes events to a real S3-compatible hub, trains both models through the HTTP endpoints, reads the
 * artifacts back from the registry, and serves lists whose impressions land on a real Kinesis emulator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InferenceServiceIT {

    private static final String BUCKET = "curio-it";

    private static final String STREAM = "engagement-events-it";

    private static final Instant NOW = Instant.now();

    /** What abtest-service verifies impressions with when neither service is given another key. */
    private static final ImpressionSignature SHARED_SIGNATURE = new ImpressionSignature(System.getenv()
        .getOrDefault("CURIO_IMPRESSION_SIGNING_KEY", "curio-local-impression-signing-key-0123456789"));

    private static S3Server s3;

    private static KinesisEmulator kinesis;

    private static FeatureAndAbtestStubs stubs;

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private JsonMapper json;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        s3 = S3Server.start(null, 0);
        s3.createBucket(BUCKET);
        kinesis = KinesisEmulator.start(KinesisEmulator.defaultToolsDir(), null, 0,
                Path.of("target", "kinesis-it.log"));
        kinesis.createStream(STREAM, 1);
        stubs = FeatureAndAbtestStubs.start();
        writeEventsToHub();
        registry.add("curio.hub.endpoint", () -> s3.endpoint().toString());
        registry.add("curio.hub.bucket", () -> BUCKET);
        registry.add("curio.stream.endpoint", () -> kinesis.endpoint().toString());
        registry.add("curio.stream.name", () -> STREAM);
        registry.add("curio.services.feature-url", stubs::url);
        registry.add("curio.services.abtest-url", stubs::url);
        registry.add("curio.inference.catalogue-refresh", () -> "1s");
        registry.add("curio.inference.default-model", () -> "item-neighbours");
        registry.add("curio.inference.serving-rules.refresh-interval", () -> "200ms");
    }

    @AfterAll
    static void stopInfrastructure() {
        stubs.close();
        kinesis.close();
        s3.close();
    }

    /**
     * Readers r1..r3 liked a and b, r3 and r4 liked c, r5 liked d. One line is not an event, and one
     * rating is too low to count. Long ago, so that they barely count for popularity, g1..g4 liked z, h1, h2,
     * h3, p and e, g1 and g2 also s1 and s2, and g3 also n.
     */
    private static void writeEventsToHub() throws IOException {
        EventCodec codec = new EventCodec(Clock.systemUTC());
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        for (String reader : List.of("r1", "r2", "r3")) {
            line(first, codec, event(reader, EventType.ADD_TO_LIBRARY, "a", null));
            line(first, codec, event(reader, EventType.RATE, "b", 5));
        }
        first.write("this is not an event\n".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        line(second, codec, event("r3", EventType.FINISH, "c", null));
        line(second, codec, event("r4", EventType.CLICK, "c", null));
        line(second, codec, event("r5", EventType.OPEN, "d", null));
        line(second, codec, event("r5", EventType.RATE, "a", 1));
        try (S3Client client = DataHubClients.s3(location())) {
            put(client, DataHubKeys.importedEvents(NOW, "it", 0), first);
            put(client, DataHubKeys.rawEvents(NOW, "shardId-000000000000", "49"), second);
            put(client, DataHubKeys.importedEvents(NOW, "it", 1), longAgo(codec));
        }
    }

    private static ByteArrayOutputStream longAgo(EventCodec codec) throws IOException {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        Instant longAgo = NOW.minus(Duration.ofDays(200));
        for (String reader : List.of("g1", "g2", "g3", "g4")) {
            for (String book : List.of("z", "h1", "h2", "h3", "p", "e")) {
                line(lines, codec, event(reader, EventType.ADD_TO_LIBRARY, book, null, longAgo));
            }
        }
        for (String book : List.of("s1", "s2")) {
            line(lines, codec, event("g1", EventType.ADD_TO_LIBRARY, book, null, longAgo));
            line(lines, codec, event("g2", EventType.ADD_TO_LIBRARY, book, null, longAgo));
        }
        line(lines, codec, event("g3", EventType.ADD_TO_LIBRARY, "n", null, longAgo));
        return lines;
    }

    @Test
    @Order(0)
    void exposesEveryDocumentedCounterAtZeroBeforeTheFirstList() {
        String metrics = get("/actuator/prometheus", Map.of()).body();

        assertThat(metrics).contains(
                "curio_inference_impressions_failed_total{application=\"inference-service\"} 0.0",
                "curio_inference_variant_fallbacks_total{application=\"inference-service\","
                        + "reason=\"unknown-model\"} 0.0",
                "curio_inference_requests_total{algorithm=\"item-neighbours\",application=\"inference-service\","
                        + "degraded=\"false\",variant=\"none\"} 0.0",
                "curio_inference_rules_removed_total{application=\"inference-service\",rule=\"premium-only\"} 0.0");
    }

    @Test
    @Order(1)
    void trainsBothModelsThroughTheHttpEndpoints() throws Exception {
        JsonNode popularity = trained("popularity");
        JsonNode neighbours = trained("item-neighbours");

        assertThat(popularity.get("state").asString()).isEqualTo("succeeded");
        assertThat(neighbours.get("state").asString()).isEqualTo("succeeded");
        assertThat(neighbours.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(neighbours.get("version").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z");
        JsonNode loaded = this.json.readTree(get("/internal/models", Map.of()).body());
        assertThat(loaded.findValuesAsString("algorithm")).containsExactlyInAnyOrder("popularity",
                "item-neighbours");
        assertThat(loaded.get(0).get("createdAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
    }

    @Test
    @Order(2)
    void readsTheTrainedArtifactsBackFromTheRegistry() {
        try (S3Client client = DataHubClients.s3(location())) {
            ModelRegistry registry = new ModelRegistry(new ModelStore(client, location(), this.json),
                    new SimpleMeterRegistry());

            registry.loadNewest();

            NeighbourModel neighbours = (NeighbourModel) registry.newest(Algorithm.ITEM_NEIGHBOURS).orElseThrow();
            int a = neighbours.books().indexOf("a");
            assertThat(neighbours.books().id(neighbours.neighbourAt(neighbours.neighbourStart(a)))).isEqualTo("b");
            assertThat(neighbours.similarityAt(neighbours.neighbourStart(a))).isEqualTo(3f / (3 + 10));
            assertThat(neighbours.metadata().events()).isEqualTo(10 + 29);
            assertThat(neighbours.metadata().users()).isEqualTo(5 + 4);
            assertThat(neighbours.metadata().parameters()).containsEntry("neighbours", 50);
            assertThat(registry.newest(Algorithm.POPULARITY)).get()
                .satisfies((model) -> assertThat(model.popular().bookAt(0)).isEqualTo("a"));
        }
    }

    @Test
    @Order(3)
    void recommendsTheNeighboursOfWhatTheReaderLikedAndLogsTheImpression() throws Exception {
        String requestId = UUID.randomUUID().toString();

        JsonNode list = eventually(() -> recommendationsWithTitles("reader", requestId));

        assertThat(list.get("requestId").asString()).isEqualTo(requestId);
        assertThat(list.get("experiment").get("variant").asString()).isEqualTo("treatment");
        assertThat(list.get("model").get("algorithm").asString()).isEqualTo("item-neighbours");
        assertThat(list.get("degraded").asBoolean()).isFalse();
        assertThat(list.get("items").findValuesAsString("bookId")).containsExactly("b", "a", "d");
        assertThat(list.get("items").get(0).get("authors").toString()).isEqualTo("[\"Bob\",\"Bea\"]");
        assertThat(list.get("items").get(0).get("title").asString()).isEqualTo("Book B");
        JsonNode impression = eventually(() -> impressionOnStream(requestId));
        assertThat(impression.get("type").asString()).isEqualTo("impression");
        assertThat(impression.get("properties").get("bookIds").toString()).isEqualTo("[\"b\",\"a\",\"d\"]");
        assertThat(impression.get("properties").get("experiment").asString()).isEqualTo("home-ranking");
        assertThat(impression.get("properties").get("canary").isNull()).isTrue();
        assertThat(impression.get("platform").asString()).isEqualTo("ios");
        assertThat(signedWithTheSharedKey(impression)).isTrue();
    }

    @Test
    @Order(4)
    void servesDegradedPopularityWhenTheProfileIsUnavailable() throws Exception {
        HttpResponse<String> response = get("/v1/recommendations?limit=2",
                Map.of("X-User-Id", "unlucky", "X-Request-Id", "req-1"));

        JsonNode list = this.json.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-Id")).contains("req-1");
        assertThat(list.get("degraded").asBoolean()).isTrue();
        assertThat(list.get("model").get("algorithm").asString()).isEqualTo("popularity");
        assertThat(list.get("items")).hasSize(2);
    }

    @Test
    @Order(5)
    void answersProblemsForBadRequests() throws Exception {
        HttpResponse<String> anonymous = get("/v1/recommendations", Map.of());
        HttpResponse<String> badLimit = get("/v1/recommendations?limit=500", Map.of("X-User-Id", "reader"));
        HttpResponse<String> unknown = post("/internal/models/word2vec/trainings");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(anonymous.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(this.json.readTree(badLimit.body()).get("detail").asString()).startsWith("limit");
        assertThat(this.json.readTree(badLimit.body()).get("type").asString())
            .isEqualTo("urn:curio:problem:invalid-parameter");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    @Order(6)
    void exposesTheServingMetrics() throws Exception {
        String metrics = get("/actuator/prometheus", Map.of()).body();

        assertThat(metrics).contains("curio_inference_requests_total", "curio_inference_latency_seconds_bucket",
                "curio_inference_model_version", "curio_inference_impressions_failed_total");
        HttpResponse<String> readiness = get("/actuator/health/readiness", Map.of());
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(this.json.readTree(readiness.body()).get("status").asString()).isEqualTo("UP");
    }

    @Test
    @Order(7)
    void servesTheDefaultModelUnderAVariantWhoseModelIsUnknownAndCountsTheFallback() throws Exception {
        JsonNode list = this.json.readTree(get("/v1/recommendations?limit=2&surface=labs",
                Map.of("X-User-Id", "early-adopter")).body());

        assertThat(list.get("experiment").get("variant").asString()).isEqualTo("word2vec-trial");
        assertThat(list.get("model").get("algorithm").asString()).isEqualTo("item-neighbours");
        assertThat(list.get("degraded").asBoolean()).isFalse();
        String counted = "curio_inference_variant_fallbacks_total"
                + "{application=\"inference-service\",reason=\"unknown-model\"} 1.0";
        assertThat(get("/actuator/prometheus", Map.of()).body()).contains(counted);
    }

    @Test
    @Order(8)
    void showsPremiumOnlyBooksToPremiumReadersOnlyAndAtMostTwoBooksOfOneAuthor() throws Exception {
        JsonNode free = eventually(() -> recommendationsWithTitles("z-reader", "free", 5));
        JsonNode premium = recommendations("z-reader", "premium", 5);

        assertThat(free.get("items").findValuesAsString("bookId")).hasSize(5)
            .doesNotContain("p")
            .filteredOn((bookId) -> bookId.startsWith("h"))
            .hasSize(2);
        assertThat(premium.get("items").findValuesAsString("bookId")).hasSize(5)
            .contains("p")
            .filteredOn((bookId) -> bookId.startsWith("h"))
            .hasSize(2);
    }

    @Test
    @Order(9)
    void recommendsOnlyBooksInTheReadersLanguageOrWithoutOne() throws Exception {
        JsonNode spanish = eventually(() -> recommendationsWithTitles("lector", "free", 5));

        assertThat(spanish.get("items").findValuesAsString("bookId")).containsExactlyInAnyOrder("s1", "s2", "n");
        String metrics = get("/actuator/prometheus", Map.of()).body();
        assertThat(metrics).containsPattern("curio_inference_rules_removed_total\\{[^}]*rule=\"language\"} [1-9]")
            .containsPattern("curio_inference_rules_removed_total\\{[^}]*rule=\"premium-only\"} [1-9]")
            .containsPattern("curio_inference_rules_removed_total\\{[^}]*rule=\"author-cap\"} [1-9]");
    }

    @Test
    @Order(10)
    void revalidatesTheServingRulesWithTheirETag() throws Exception {
        Integer notModified = eventually(() -> (FeatureAndAbtestStubs.rulesNotModified() > 0)
                ? FeatureAndAbtestStubs.rulesNotModified() : null);

        assertThat(notModified).isPositive();
        assertThat(get("/actuator/prometheus", Map.of()).body()).contains("curio_inference_serving_rules_age_seconds",
                "curio_inference_serving_rules_failures_total{application=\"inference-service\"} 0.0");
    }

    @Test
    @Order(11)
    void holdsAVersionTrainedWithoutPromotionAndServesItThroughACanary() throws Exception {
        String baseline = this.json.readTree(recommendationsOn("home", "canary-reader")).get("model").get("version")
            .asString();
        HttpResponse<String> badBody = post("/internal/models/item-neighbours/trainings", "{\"promote\":\"maybe\"}");
        JsonNode held = trained("item-neighbours", "{\"promote\":false}");
        String candidate = held.get("version").asString();

        assertThat(badBody.statusCode()).isEqualTo(400);
        assertThat(badBody.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(candidate).isNotEqualTo(baseline);
        assertThat(this.json.readTree(recommendationsOn("home", "canary-reader")).get("model").get("version")
            .asString()).isEqualTo(baseline);
        FeatureAndAbtestStubs.publishRules(FeatureAndAbtestStubs.CANARY_RULES.formatted(candidate, baseline));
        JsonNode list = eventually(() -> {
            JsonNode answer = this.json.readTree(recommendationsOn("home", "canary-reader"));
            return candidate.equals(answer.get("model").get("version").asString()) ? answer : null;
        });
        JsonNode impression = eventually(() -> impressionOnStream(list.get("requestId").asString()));
        assertThat(impression.get("properties").get("canary").get("id").asString()).isEqualTo("neighbours-canary");
        assertThat(impression.get("properties").get("canary").get("arm").asString()).isEqualTo("candidate");
        assertThat(impression.get("properties").get("modelVersion").asString()).isEqualTo(candidate);
        assertThat(signedWithTheSharedKey(impression)).isTrue();
    }

    private String recommendationsOn(String surface, String user) {
        return get("/v1/recommendations?limit=2&surface=" + surface, Map.of("X-User-Id", user)).body();
    }

    private JsonNode trained(String algorithm) throws Exception {
        return trained(algorithm, null);
    }

    private JsonNode trained(String algorithm, String options) throws Exception {
        HttpResponse<String> started = post("/internal/models/" + algorithm + "/trainings", options);
        assertThat(started.statusCode()).isEqualTo(202);
        String id = this.json.readTree(started.body()).get("id").asString();
        return eventually(() -> {
            JsonNode status = this.json.readTree(get("/internal/models/trainings/" + id, Map.of()).body());
            return "running".equals(status.get("state").asString()) ? null : status;
        });
    }

    private JsonNode recommendations(String user, String plan, int limit) {
        return this.json.readTree(get("/v1/recommendations?limit=" + limit,
                Map.of("X-User-Id", user, "X-User-Plan", plan)).body());
    }

    private JsonNode recommendationsWithTitles(String user, String plan, int limit) {
        JsonNode list = recommendations(user, plan, limit);
        return list.get("items").get(0).get("title").isNull() ? null : list;
    }

    private JsonNode recommendationsWithTitles(String user, String requestId) {
        JsonNode list = this.json.readTree(get("/v1/recommendations?limit=3&surface=home",
                Map.of("X-User-Id", user, "X-Request-Id", requestId, "X-User-Platform", "ios")).body());
        return list.get("items").get(0).get("title").isNull() ? null : list;
    }

    private JsonNode impressionOnStream(String requestId) {
        try (KinesisClient client = KinesisEmulator.client(kinesis.endpoint())) {
            String iterator = client.getShardIterator((request) -> request.streamName(STREAM)
                .shardId("shardId-000000000000")
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            List<Record> records = client.getRecords((request) -> request.shardIterator(iterator)).records();
            return records.stream()
                .map((record) -> this.json.readTree(record.data().asByteArray()))
                .filter((event) -> requestId.equals(event.get("requestId").asString()))
                .findFirst()
                .orElse(null);
        }
    }

    /** Whether the impression, read as abtest-service reads it from the stream, carries a valid signature. */
    private boolean signedWithTheSharedKey(JsonNode impression) {
        DecodedEvent decoded = new EventCodec(Clock.systemUTC()).decode(this.json.writeValueAsBytes(impression));
        EngagementEvent event = ((DecodedEvent.Valid) decoded).event();
        return SHARED_SIGNATURE.verifies(SignedFacts.of(event), SignedFacts.signature(event));
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    private HttpResponse<String> post(String path) {
        return post(path, null);
    }

    private HttpResponse<String> post(String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (json == null) {
            return send(request.POST(HttpRequest.BodyPublishers.noBody()).build());
        }
        return send(request.header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return this.http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + this.port + path);
    }

    private static <T> T eventually(Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("condition not met within 30 s");
    }

    private static DataHubLocation location() {
        return new DataHubLocation(s3.endpoint().toString(), BUCKET, "us-east-1", S3Server.ACCESS_KEY,
                S3Server.SECRET_KEY);
    }

    private static EngagementEvent event(String user, EventType type, String book, Integer value) {
        return event(user, type, book, value, NOW.minus(Duration.ofDays(1)));
    }

    private static EngagementEvent event(String user, EventType type, String book, Integer value,
            Instant occurredAt) {
        return new EngagementEvent(UUID.randomUUID().toString(), type, user, book, occurredAt, null, value, null,
                Map.of());
    }

    private static void line(ByteArrayOutputStream out, EventCodec codec, EngagementEvent event) throws IOException {
        out.write(codec.encode(event));
        out.write('\n');
    }

    private static void put(S3Client client, String key, ByteArrayOutputStream lines) throws IOException {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            lines.writeTo(gzip);
        }
        client.putObject((request) -> request.bucket(BUCKET).key(key), RequestBody.fromBytes(gzipped.toByteArray()));
    }

}
