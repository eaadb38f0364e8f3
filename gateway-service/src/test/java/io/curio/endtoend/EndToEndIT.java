package io.curio.endtoend;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import io.curio.events.hub.DataHubClients;
import io.curio.events.hub.DataHubLocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole loop on one machine, through the public API only: {@code curio up} on the small goodbooks
 * extract, then recommendations, events, rate limits and experiment metrics through the gateway,
 * with every service a separate process over real PostgreSQL, Redis, S3 and Kinesis.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    /** Events of the fault test: small enough for CI, sent over 40 s so that its four kills land mid-stream. */
    private static final int FAULT_TEST_EVENTS = 1_000;

    private static final int FAULT_TEST_RATE = 25;

    private static final String READER = "recs:read events:write";

    private final JsonMapper json = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private CurioStack stack;

    private Ratings ratings;

    @BeforeAll
    void startTheStack() throws IOException {
        Path root = CurioStack.repositoryRoot();
        Path dataset = root.resolveSibling("shared/data/goodbooks-10k-small");
        this.stack = new CurioStack(root, root.resolve("gateway-service/target/curio-e2e"));
        this.stack.up(dataset);
        this.ratings = Ratings.read(dataset.resolve("ratings-small.csv.gz"))
            .without(this.stack.home().resolve("simulation/future.tsv"));
    }

    @AfterAll
    void stopTheStack() {
        if (this.stack != null) {
            this.stack.down();
        }
    }

    @Test
    void servesRankedUnseenBooksWithTitlesVariantAndModelVersion() {
        JsonNode body = recommendations("7", "premium", 10);

        assertThat(body.path("userId").asString()).isEqualTo("7");
        assertThat(body.path("surface").asString()).isEqualTo("home");
        assertThat(body.path("degraded").asBoolean()).isFalse();
        assertThat(body.path("experiment").path("key").asString()).isEqualTo("home-ranking");
        assertThat(body.path("experiment").path("variant").asString()).isIn("control", "treatment");
        assertThat(body.path("model").path("algorithm").asString()).isIn("item-neighbours", "blend");
        assertThat(body.path("model").path("version").asString()).isNotBlank();
        List<String> books = bookIds(body);
        assertThat(books).hasSize(10).doesNotHaveDuplicates().doesNotContainAnyElementsOf(this.ratings.of("7"));
        for (JsonNode item : body.path("items")) {
            assertThat(item.path("title").asString()).isNotBlank();
            assertThat(item.path("authors").isArray()).isTrue();
        }
        List<Double> scores = new ArrayList<>();
        body.path("items").forEach((item) -> scores.add(item.path("score").asDouble()));
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void readersWithDifferentHistoriesGetDifferentLists() {
        List<List<String>> personalLists = new ArrayList<>();
        for (int user = 1; user <= 60 && personalLists.size() < 2; user++) {
            JsonNode body = recommendations(String.valueOf(user), "premium", 10);
            if (!this.ratings.of(String.valueOf(user)).isEmpty()) {
                personalLists.add(bookIds(body));
            }
        }

        assertThat(personalLists).hasSize(2);
        assertThat(personalLists.get(0)).isNotEqualTo(personalLists.get(1));
    }

    @Test
    void theCommandLineMintsTokensTheGatewayAccepts() throws Exception {
        String token = this.stack.token("5", "premium", READER);

        HttpResponse<String> response = this.http.send(get("/v1/recommendations?limit=2", token).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void aReaderWithNoHistoryStillGetsAList() {
        JsonNode body = recommendations("cold-start-reader", "free", 5);

        assertThat(bookIds(body)).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void aFinishedBookLeavesTheListWithinSeconds() throws Exception {
        String user = "11";
        String finished = bookIds(recommendations(user, "premium", 10)).get(0);

        HttpResponse<String> posted = postEvents(user, """
                [{"eventId":"%s","type":"finish","userId":"%s","bookId":"%s","occurredAt":"%s"}]"""
            .formatted(UUID.randomUUID(), user, finished, Instant.now()));

        assertThat(posted.statusCode()).isEqualTo(202);
        assertThat(this.json.readTree(posted.body()).path("accepted").asInt()).isEqualTo(1);
        JsonNode after = awaitRecommendations(user, (body) -> !bookIds(body).contains(finished));
        assertThat(bookIds(after)).doesNotContain(finished);
    }

    @Test
    void acceptedEventsLandInTheDataHub() throws Exception {
        String eventId = UUID.randomUUID().toString();

        HttpResponse<String> posted = postEvents("12", """
                {"eventId":"%s","type":"open","userId":"12","bookId":"1","occurredAt":"%s"}"""
            .formatted(eventId, Instant.now()));

        assertThat(posted.statusCode()).isEqualTo(202);
        assertThat(awaitHubObjectContaining(eventId)).isTrue();
    }

    @Test
    void eventsForAnotherReaderAreForbidden() throws Exception {
        HttpResponse<String> posted = postEvents("13", """
                {"eventId":"%s","type":"open","userId":"14","bookId":"1","occurredAt":"%s"}"""
            .formatted(UUID.randomUUID(), Instant.now()));

        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void identityHeadersFromTheCallerAreIgnored() throws Exception {
        HttpRequest request = get("/v1/recommendations?limit=3", token("21", "premium", READER))
            .header("X-User-Id", "22")
            .header("X-User-Plan", "premium")
            .build();

        HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(this.json.readTree(response.body()).path("userId").asString()).isEqualTo("21");
    }

    @Test
    void aRequestWithoutTokenIsUnauthorized() throws Exception {
        HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(gateway("/v1/recommendations")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(this.json.readTree(response.body()).path("status").asInt()).isEqualTo(401);
    }

    @Test
    void aFreeReaderIsThrottledWhereAPremiumReaderIsNot() throws Exception {
        List<Integer> free = burst(token("31", "free", READER), 60);
        List<Integer> premium = burst(token("32", "premium", READER), 60);

        assertThat(free).contains(429);
        assertThat(premium).doesNotContain(429);
    }

    @Test
    void throttledAnswersSayWhenToRetry() throws Exception {
        String token = token("33", "free", READER);
        HttpResponse<String> limited = null;
        for (int i = 0; i < 40 && limited == null; i++) {
            HttpResponse<String> response = this.http.send(get("/v1/recommendations?limit=1", token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("X-RateLimit-Remaining")).isPresent();
            if (response.statusCode() == 429) {
                limited = response;
            }
        }

        assertThat(limited).isNotNull();
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(this.json.readTree(limited.body()).path("status").asInt()).isEqualTo(429);
    }

    @Test
    void servedListsAreCountedAsImpressionsOfTheExperiment() throws Exception {
        for (int user = 40; user < 50; user++) {
            recommendations(String.valueOf(user), "premium", 5);
        }
        String admin = token("operator", "premium", "experiments:admin");

        JsonNode results = awaitJson("/v1/experiments/home-ranking/results", admin,
                (body) -> totalImpressions(body) >= 10);

        assertThat(totalImpressions(results)).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aClickOnAServedListCountsForItsVariantOnTheResultsPage() throws Exception {
        JsonNode list = recommendations("11", "free", 5);
        String variant = list.path("experiment").path("variant").asString();
        String click = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"click\",\"userId\":\"11\","
                + "\"bookId\":\"" + bookIds(list).get(0) + "\",\"requestId\":\""
                + list.path("requestId").asString() + "\",\"occurredAt\":\"" + Instant.now() + "\"}";
        assertThat(postEvents("11", click).statusCode()).isEqualTo(202);
        String admin = token("operator", "premium", "experiments:admin");

        JsonNode results = awaitJson("/v1/experiments/home-ranking/results", admin,
                (body) -> clicksOf(body, variant) >= 1);
        HttpResponse<String> page = this.http.send(get("/v1/experiments/home-ranking/results", admin)
            .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(clicksOf(results, variant)).isGreaterThanOrEqualTo(1);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("home-ranking", "<svg");
    }

    @Test
    void aHeldVersionRollsOutAsACanaryAndIsPromotedWhileItsGuardrailHolds() throws Exception {
        String version = trainHeld("item-neighbours");
        String admin = token("operator", "premium", "experiments:admin");
        HttpResponse<String> created = this.http.send(HttpRequest.newBuilder(gateway("/v1/canaries"))
            .header("Authorization", "Bearer " + admin)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"algorithm\":\"item-neighbours\",\"version\":\""
                    + version + "\",\"steps\":[50,100],\"stepDuration\":\"PT1S\",\"minImpressions\":3}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = this.json.readTree(created.body()).path("id").asString();

        JsonNode canary = servePlacedListsUntil("/v1/canaries/" + id, admin,
                (body) -> "promoted".equals(body.path("status").asString()));

        assertThat(canary.path("status").asString()).as(canary.toString()).isEqualTo("promoted");
        List<String> actions = new ArrayList<>();
        canary.path("decisions").forEach((decision) -> actions.add(decision.path("action").asString()));
        assertThat(actions).contains("create", "promote", "activated");
        JsonNode models = awaitJson("/v1/admin/models", admin,
                (body) -> version.equals(servingOf(body, "item-neighbours")));
        assertThat(servingOf(models, "item-neighbours")).isEqualTo(version);
    }

    @Test
    void simulatedReadersClickTheirFutureAndTheResultsAreSaved() throws Exception {
        CurioStack.Run run = this.stack.simulate(200, 8);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("experiment home-ranking", "CTR", "winner:");
        JsonNode results = this.json.readTree(this.stack.home().resolve("simulation/results.json").toFile());
        assertThat(totalImpressions(results)).isGreaterThanOrEqualTo(100);
        long clicked = 0;
        for (JsonNode variant : results.path("variants")) {
            clicked += variant.path("clickedImpressions").asLong();
            assertThat(variant.path("ctr").path("low").asDouble()).isBetween(0.0, variant.path("ctr").path("value")
                .asDouble());
        }
        assertThat(clicked).isPositive();
        assertThat(this.stack.home().resolve("simulation/results.html")).content().contains("<svg");
    }

    /** Last, because it kills ingestion-service and feature-service; the stack is whole again when it ends. */
    @Test
    @Order(Integer.MAX_VALUE)
    void killingIngestionAndFeatureWhileEventsFlowLosesNoAcceptedEvent() throws IOException {
        Path report = this.stack.home().resolveSibling("curio-e2e-fault-test.json");

        CurioStack.Run run = this.stack.faultTest(FAULT_TEST_EVENTS, FAULT_TEST_RATE, report);

        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode result = this.json.readTree(Files.readString(report));
        assertThat(result.path("passed").asBoolean()).isTrue();
        assertThat(result.path("accepted").asLong()).isEqualTo(FAULT_TEST_EVENTS);
        assertThat(result.path("missing").asLong()).isZero();
        assertThat(result.path("unknown").asLong()).isZero();
        assertThat(result.path("hubDistinct").asLong()).isEqualTo(FAULT_TEST_EVENTS);
        assertThat(result.path("featureRows").asLong()).isEqualTo(FAULT_TEST_EVENTS);
        assertThat(result.path("kills")).hasSize(4)
            .allSatisfy((kill) -> assertThat(kill.path("readyAt").isString()).isTrue());
    }

    private JsonNode recommendations(String user, String plan, int limit) {
        try {
            HttpResponse<String> response = this.http.send(
                    get("/v1/recommendations?limit=" + limit + "&surface=home", token(user, plan, READER)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
            return this.json.readTree(response.body());
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private JsonNode awaitRecommendations(String user, Predicate<JsonNode> condition) throws InterruptedException {
        JsonNode body = recommendations(user, "premium", 10);
        for (int attempt = 0; attempt < 40 && !condition.test(body); attempt++) {
            Thread.sleep(500);
            body = recommendations(user, "premium", 10);
        }
        return body;
    }

    private JsonNode awaitJson(String path, String token, Predicate<JsonNode> condition) throws Exception {
        JsonNode body = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            HttpResponse<String> response = this.http.send(get(path, token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            body = this.json.readTree(response.body());
            if (condition.test(body)) {
                return body;
            }
            Thread.sleep(500);
        }
        return body;
    }

    private static long totalImpressions(JsonNode results) {
        long total = 0;
        for (JsonNode variant : results.path("variants")) {
            total += variant.path("impressions").asLong();
        }
        return total;
    }

    private static long clicksOf(JsonNode results, String variant) {
        for (JsonNode result : results.path("variants")) {
            if (result.path("name").asString().equals(variant)) {
                return result.path("clicks").asLong();
            }
        }
        return 0;
    }

    private static String servingOf(JsonNode models, String algorithm) {
        for (JsonNode model : models) {
            if (model.path("algorithm").asString().equals(algorithm)) {
                return model.path("serving").asString();
            }
        }
        return null;
    }

    /** Trains a version of an algorithm on inference-service without serving it; answers the version. */
    private String trainHeld(String algorithm) throws Exception {
        URI inference = URI.create("http://127.0.0.1:" + this.stack.port(8083));
        HttpResponse<String> started = this.http.send(HttpRequest
            .newBuilder(inference.resolve("/internal/models/" + algorithm + "/trainings"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"promote\":false}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = this.json.readTree(started.body()).path("id").asString();
        for (int attempt = 0; attempt < 120; attempt++) {
            HttpResponse<String> status = this.http.send(HttpRequest
                .newBuilder(inference.resolve("/internal/models/trainings/" + id)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode training = this.json.readTree(status.body());
            if (!"running".equals(training.path("state").asString())) {
                assertThat(training.path("state").asString()).as(status.body()).isEqualTo("succeeded");
                return training.path("version").asString();
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("training " + id + " did not end within two minutes");
    }

    /**
     * Asks for lists as readers of the extract (those in the control get item-neighbours), so that impressions
     * flow, until the resource at path satisfies the condition (at most about 90 s); answers its last state.
     */
    private JsonNode servePlacedListsUntil(String path, String token, Predicate<JsonNode> condition)
            throws Exception {
        JsonNode body = null;
        for (int round = 0; round < 45; round++) {
            for (int user = 0; user < 10; user++) {
                recommendations(String.valueOf(100 + round * 10 + user), "premium", 3);
            }
            HttpResponse<String> response = this.http.send(get(path, token).build(),
                    HttpResponse.BodyHandlers.ofString());
            body = this.json.readTree(response.body());
            if (condition.test(body)) {
                return body;
            }
            Thread.sleep(2000);
        }
        return body;
    }

    private HttpResponse<String> postEvents(String user, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway("/v1/events"))
            .header("Authorization", "Bearer " + token(user, "free", READER))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private List<Integer> burst(String token, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                statuses.add(pool.submit(() -> this.http
                    .send(get("/v1/recommendations?limit=1", token).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode()));
            }
            List<Integer> result = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                result.add(status.get());
            }
            return result;
        }
        finally {
            pool.shutdownNow();
        }
    }

    private boolean awaitHubObjectContaining(String eventId) throws Exception {
        DataHubLocation location = new DataHubLocation("http://127.0.0.1:" + this.stack.port(9000), "curio",
                "us-east-1", "curio", "curio-local-secret");
        try (S3Client s3 = DataHubClients.s3(location)) {
            for (int attempt = 0; attempt < 60; attempt++) {
                if (hubHolds(s3, eventId)) {
                    return true;
                }
                Thread.sleep(1000);
            }
        }
        return false;
    }

    private static boolean hubHolds(S3Client s3, String eventId) throws IOException {
        List<S3Object> objects = s3.listObjectsV2Paginator((request) -> request.bucket("curio").prefix("raw/events/"))
            .contents()
            .stream()
            .filter((object) -> object.key().contains("shardId-"))
            .toList();
        for (S3Object object : objects) {
            try (InputStream in = new GZIPInputStream(
                    s3.getObject((request) -> request.bucket("curio").key(object.key())))) {
                if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(eventId)) {
                    return true;
                }
            }
            catch (NoSuchKeyException ex) {
                // Listed but gone when read (listing is not atomic with writes); the next poll lists it again.
            }
        }
        return false;
    }

    private String token(String user, String plan, String scope) {
        return Tokens.mint(user, plan, scope);
    }

    private HttpRequest.Builder get(String path, String token) {
        return HttpRequest.newBuilder(gateway(path)).header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(10));
    }

    private URI gateway(String path) {
        return URI.create("http://127.0.0.1:" + this.stack.port(8080) + path);
    }

    private static List<String> bookIds(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.path("items").forEach((item) -> ids.add(item.path("bookId").asString()));
        return ids;
    }

    /** Which books each reader of the extract rated, read from the dataset itself. */
    private record Ratings(Map<String, Set<String>> byUser) {

        static Ratings read(Path file) throws IOException {
            Map<String, Set<String>> byUser = new HashMap<>();
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
                List<String> header = List.of(lines[0].strip().split(","));
                int book = header.indexOf("book_id");
                int user = header.indexOf("user_id");
                for (int i = 1; i < lines.length; i++) {
                    String[] cells = lines[i].strip().split(",");
                    byUser.computeIfAbsent(cells[user], (key) -> new HashSet<>()).add(cells[book]);
                }
            }
            return new Ratings(byUser);
        }

        /**
         * The ratings the stack imported: up keeps some readers' latest interactions back as their future
         * ({@code userId plan bookId type stars} lines), and those books are rightly still recommended.
         */
        Ratings without(Path heldBack) throws IOException {
            Map<String, Set<String>> imported = new HashMap<>();
            this.byUser.forEach((user, books) -> imported.put(user, new HashSet<>(books)));
            List<String> lines = Files.readAllLines(heldBack, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split("\t", -1);
                imported.getOrDefault(fields[0], new HashSet<>()).remove(fields[2]);
            }
            return new Ratings(imported);
        }

        Set<String> of(String user) {
            return this.byUser.getOrDefault(user, Set.of());
        }

    }

}
