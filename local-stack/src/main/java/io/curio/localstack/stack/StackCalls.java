package io.curio.localstack.stack;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.curio.localstack.token.TokenCommand;
import io.curio.localstack.token.TokenMinter;
import tools.jackson.databind.JsonNode;

/**
 * The calls {@code up} makes to the running services once they are ready: attribute polls, history import, model
 * training, the home-ranking experiment, and the first recommendation.
 */
final class StackCalls {

    static final String EXPERIMENT = "home-ranking";

    /** Trained in this order: popularity fills every list, the blend is what readers outside the experiment get. */
    static final List<String> ALGORITHMS = List.of("popularity", "item-neighbours", "ease", "blend");

    /**
     * The experiment's arms: item neighbours against the blend served by default, two models whose offline quality
     * differs clearly (Recall@20 0.255 and 0.337 on goodbooks-10k), so that {@code ./curio simulate} can show the
     * better one winning.
     */
    static final String CONTROL_MODEL = "item-neighbours";

    static final String TREATMENT_MODEL = "blend";

    static final String SAMPLE_USER = "1";

    /** Who the experiment's audit trail names as its creator. */
    private static final String OPERATOR = "curio-local-stack";

    static final String ADMIN_SCOPE = "experiments:admin recs:read events:write";

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(30);

    private static final Duration POLL = Duration.ofSeconds(2);

    private static final Duration RULES_PICKED_UP = Duration.ofSeconds(10);

    private static final Duration FIRST_LIST = Duration.ofSeconds(120);

    private final HttpJson http;

    private final StackPorts ports;

    private final TokenMinter minter;

    private final Clock clock;

    StackCalls(HttpJson http, StackPorts ports, TokenMinter minter, Clock clock) {
        this.http = http;
        this.ports = ports;
        this.minter = minter;
        this.clock = clock;
    }

    /** Imports the interactions under the prefix into the feature store, printing progress; answers events read. */
    long importHistory(String prefix, Progress progress) {
        HttpJson.Reply started = expect(this.http.post(url(Service.FEATURE, "/internal/history/imports"), null,
                Map.of("prefix", prefix)), "start the history import");
        String status = url(Service.FEATURE, "/internal/history/imports/" + started.text("id"));
        JsonNode done = awaitJob(status, "history import", StackCalls::describeImport, progress);
        progress.step("feature store holds " + done.path("inserted").asLong() + " new interactions");
        return done.path("events").asLong();
    }

    private static String describeImport(JsonNode job) {
        if (job.path("objectsTotal").asLong() == 0) {
            return "listing the objects to import";
        }
        return "objects " + job.path("objectsDone").asLong() + "/" + job.path("objectsTotal").asLong() + ", events "
                + job.path("events").asLong();
    }

    void pollAttributes(Progress progress) {
        HttpJson.Reply polled = expect(this.http.post(url(Service.INGESTION, "/internal/attributes/polls"), null,
                null), "poll the attribute endpoints");
        progress.step("snapshots: " + polled.json().path("books").path("items").asLong() + " books, "
                + polled.json().path("users").path("items").asLong() + " users");
        HttpJson.Reply refreshed = expect(this.http.post(url(Service.FEATURE, "/internal/attributes/refresh"), null,
                null), "refresh the feature store's attributes");
        progress.step("feature store refreshed: " + compact(refreshed.body()));
    }

    /**
     * Trains each built-in algorithm in turn, or only those inference-service has not loaded yet when the
     * history did not change; answers the versions served.
     */
    List<String> trainModels(Progress progress, boolean historyChanged) {
        Map<String, String> loaded = historyChanged ? Map.of() : loadedModels();
        return ALGORITHMS.stream()
            .map((algorithm) -> loaded.containsKey(algorithm) ? kept(algorithm, loaded.get(algorithm), progress)
                    : train(algorithm, progress))
            .toList();
    }

    private Map<String, String> loadedModels() {
        JsonNode models = expect(this.http.get(url(Service.INFERENCE, "/internal/models"), null),
                "list the loaded models").json();
        Map<String, String> versions = new java.util.HashMap<>();
        models.forEach((model) -> versions.put(model.path("algorithm").asString(), model.path("version").asString()));
        return versions;
    }

    private static String kept(String algorithm, String version, Progress progress) {
        progress.step(algorithm + " version " + version + " already loaded; history unchanged, not retrained");
        return algorithm + "@" + version;
    }

    void startExperiment(Progress progress) {
        String admin = token(OPERATOR, ADMIN_SCOPE);
        HttpJson.Reply created = this.http.post(url(Service.GATEWAY, "/v1/experiments"), admin, experiment());
        acceptOrConflict(created, "create experiment " + EXPERIMENT);
        HttpJson.Reply started = this.http.post(url(Service.GATEWAY, "/v1/experiments/" + EXPERIMENT + "/start"),
                admin, null);
        acceptOrConflict(started, "start experiment " + EXPERIMENT);
        progress.step(EXPERIMENT + " " + ((started.status() == 409) ? "was already running" : "started")
                + ": control = " + CONTROL_MODEL + ", treatment = " + TREATMENT_MODEL + ", 50/50");
    }

    /** Asks the gateway for recommendations until a list with items comes back; answers its first lines. */
    String awaitRecommendations(Progress progress) {
        String token = token(SAMPLE_USER, TokenCommand.DEFAULT_SCOPE);
        String url = url(Service.GATEWAY, "/v1/recommendations?limit=3&surface=home");
        HttpJson.Reply reply = Waiting.until(FIRST_LIST, Duration.ofSeconds(1), () -> Optional.of(
                this.http.getUncached(url, token)).filter(StackCalls::isPersonalizedList))
            .orElseThrow(() -> new StackException("no full, non-degraded recommendations from " + url + " within "
                    + FIRST_LIST.toSeconds() + " s; see the logs in the state folder"));
        reply = placedInExperiment(url, token).orElse(reply);
        JsonNode items = reply.json().path("items");
        progress.step("user " + SAMPLE_USER + " gets " + items.size() + " books, first: "
                + items.get(0).path("title").asString() + " (variant "
                + reply.json().path("experiment").path("variant").asString("none") + ")");
        return reply.body();
    }

    /**
     * inference-service polls the serving rules every 2 s, so the first lists after the start may still come from
     * the default model; waits a little for one placed in the experiment. Each poll skips the gateway's response
     * cache, which would otherwise answer the list from before the rules arrived for its whole time to live.
     */
    private Optional<HttpJson.Reply> placedInExperiment(String url, String token) {
        return Waiting.until(RULES_PICKED_UP, Duration.ofMillis(500), () -> Optional.of(this.http.getUncached(url, token))
            .filter((reply) -> isPersonalizedList(reply) && reply.json().path("experiment").isObject()));
    }

    /** A full answer: items, and not a fallback list served while a dependency is still loading. */
    private static boolean isPersonalizedList(HttpJson.Reply reply) {
        return reply.status() == 200 && !reply.json().path("items").isEmpty()
                && !reply.json().path("degraded").asBoolean();
    }

    String token(String user, String scope) {
        return this.minter.mint(new TokenMinter.TokenRequest(user, "free", scope, Duration.ofHours(1)),
                this.clock.instant());
    }

    private String train(String algorithm, Progress progress) {
        HttpJson.Reply started = expect(this.http.post(url(Service.INFERENCE, "/internal/models/" + algorithm
                + "/trainings"), null, null), "start training " + algorithm);
        String status = url(Service.INFERENCE, "/internal/models/trainings/" + started.text("id"));
        JsonNode done = awaitJob(status, algorithm + " training", (job) -> job.path("stage").asString("")
                + " " + Math.round(job.path("progress").asDouble() * 100) + " %", progress);
        String version = done.path("version").asString("?");
        progress.step(algorithm + " version " + version + " trained and loaded");
        return algorithm + "@" + version;
    }

    private JsonNode awaitJob(String statusUrl, String what, Function<JsonNode, String> describe,
            Progress progress) {
        String[] last = { "" };
        JsonNode job = Waiting.until(JOB_TIMEOUT, POLL, () -> {
            JsonNode current = expect(this.http.get(statusUrl, null), "read the " + what + " status").json();
            String line = describe.apply(current);
            if (!line.equals(last[0])) {
                progress.step(what + ": " + line);
                last[0] = line;
            }
            return Optional.of(current).filter((node) -> !"running".equals(node.path("state").asString()));
        }).orElseThrow(() -> new StackException(what + " still running after " + JOB_TIMEOUT.toMinutes() + " min"));
        if (!"succeeded".equals(job.path("state").asString())) {
            throw new StackException(what + " " + job.path("state").asString() + ": "
                    + job.path("error").asString("no reason given"));
        }
        return job;
    }

    private static Map<String, Object> experiment() {
        return Map.of("key", EXPERIMENT, "surface", "home", "trafficPercent", 100, "variants", List.of(
                Map.of("name", "control", "weight", 50, "model", CONTROL_MODEL),
                Map.of("name", "treatment", "weight", 50, "model", TREATMENT_MODEL)));
    }

    private static void acceptOrConflict(HttpJson.Reply reply, String what) {
        if (!reply.ok() && reply.status() != 409) {
            throw new StackException("cannot " + what + ": HTTP " + reply.status() + " " + compact(reply.body()));
        }
    }

    private static HttpJson.Reply expect(HttpJson.Reply reply, String what) {
        if (!reply.ok()) {
            throw new StackException("cannot " + what + ": HTTP " + reply.status() + " " + compact(reply.body()));
        }
        return reply;
    }

    private static String compact(String body) {
        String text = Objects.requireNonNullElse(body, "").replaceAll("\\s+", " ").trim();
        return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
    }

    private String url(Service service, String path) {
        return StackPorts.url(this.ports.service(service)) + path;
    }

}
