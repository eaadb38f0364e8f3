package io.curio.localstack.simulation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.curio.localstack.simulation.ClickModel.Reaction;
import io.curio.localstack.token.TokenMinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One visit of a simulated reader through the gateway: ask for a list, react to it, send the clicks and finishes as
 * events that carry the list's {@code requestId}.
 */
final class ReaderVisits {

    static final String SCOPE = "recs:read events:write";

    static final String NO_VARIANT = "none";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(3);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private final String gateway;

    private final String experiment;

    private final TokenMinter minter;

    private final ClickModel model;

    private final Clock clock;

    ReaderVisits(String gateway, String experiment, TokenMinter minter, ClickModel model, Clock clock) {
        this.gateway = gateway;
        this.experiment = experiment;
        this.minter = minter;
        this.model = model;
        this.clock = clock;
    }

    /**
     * What one visit came to.
     * @param outcome served, throttled (429) or failed
     * @param variant the experiment's variant named in the list, or {@value #NO_VARIANT}
     * @param shown how many books the list had
     * @param reactions the clicks, with the books finished
     * @param retryAfter how long the gateway asked to wait, for a throttled visit
     * @param failure what went wrong, for a failed visit
     */
    record Visit(Outcome outcome, String variant, int shown, List<Reaction> reactions, Duration retryAfter,
            String failure) {

        static Visit throttled(Duration retryAfter) {
            return new Visit(Outcome.THROTTLED, NO_VARIANT, 0, List.of(), retryAfter, null);
        }

        static Visit failed(String failure) {
            return new Visit(Outcome.FAILED, NO_VARIANT, 0, List.of(), Duration.ZERO, failure);
        }

    }

    enum Outcome {
        SERVED, THROTTLED, FAILED
    }

    Visit visit(SimulatedReader reader, Random random) {
        HttpResponse<String> list = send(get("/v1/recommendations?limit=10&surface=home", reader));
        if (list.statusCode() == 429) {
            return Visit.throttled(retryAfter(list));
        }
        if (list.statusCode() != 200) {
            return Visit.failed("recommendations answered HTTP " + list.statusCode());
        }
        JsonNode body = JSON.readTree(list.body());
        List<String> shown = new ArrayList<>();
        body.path("items").forEach((item) -> shown.add(item.path("bookId").asString()));
        List<Reaction> reactions = this.model.react(shown, reader, random);
        String variant = variant(body);
        if (reactions.isEmpty()) {
            return new Visit(Outcome.SERVED, variant, shown.size(), reactions, Duration.ZERO, null);
        }
        return report(reader, body.path("requestId").asString(), variant, shown.size(), reactions);
    }

    private Visit report(SimulatedReader reader, String requestId, String variant, int shown,
            List<Reaction> reactions) {
        HttpResponse<String> sent = send(post("/v1/events", reader, events(reader, requestId, reactions)));
        if (sent.statusCode() == 429) {
            return Visit.throttled(retryAfter(sent));
        }
        if (sent.statusCode() != 202 || !JSON.readTree(sent.body()).path("rejected").isEmpty()) {
            return Visit.failed("events answered HTTP " + sent.statusCode() + " " + sent.body());
        }
        reactions.stream().filter(Reaction::wanted).forEach((reaction) -> reader.settle(reaction.bookId()));
        return new Visit(Outcome.SERVED, variant, shown, reactions, Duration.ZERO, null);
    }

    private String variant(JsonNode body) {
        JsonNode assigned = body.path("experiment");
        return this.experiment.equals(assigned.path("key").asString(null))
                ? assigned.path("variant").asString(NO_VARIANT) : NO_VARIANT;
    }

    List<Map<String, Object>> events(SimulatedReader reader, String requestId, List<Reaction> reactions) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (Reaction reaction : reactions) {
            events.add(event("click", reader, reaction.bookId(), requestId));
            if (reaction.finished()) {
                events.add(event("finish", reader, reaction.bookId(), requestId));
            }
        }
        return events;
    }

    private Map<String, Object> event(String type, SimulatedReader reader, String bookId, String requestId) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", type);
        event.put("userId", reader.userId());
        event.put("bookId", bookId);
        event.put("occurredAt", this.clock.instant().toString());
        event.put("requestId", requestId);
        event.put("platform", reader.platform());
        return event;
    }

    private HttpRequest get(String path, SimulatedReader reader) {
        return request(path, reader).header("X-Client-Platform", reader.platform()).GET().build();
    }

    private HttpRequest post(String path, SimulatedReader reader, Object body) {
        return request(path, reader).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    private HttpRequest.Builder request(String path, SimulatedReader reader) {
        return HttpRequest.newBuilder(URI.create(this.gateway + path)).timeout(TIMEOUT)
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + token(reader));
    }

    private String token(SimulatedReader reader) {
        return this.tokens.computeIfAbsent(reader.userId(), (user) -> this.minter.mint(
                new TokenMinter.TokenRequest(user, reader.plan(), SCOPE, TOKEN_LIFETIME), this.clock.instant()));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return this.client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new GatewayUnreachableException(request.method() + " " + request.uri() + " failed: " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new GatewayUnreachableException("interrupted during " + request.method() + " " + request.uri(),
                    ex);
        }
    }

    /** The wait a 429 asks for: {@code Retry-After} in seconds, one second when it is missing or not a number. */
    static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
            .filter((value) -> value.trim().matches("\\d{1,6}"))
            .map((value) -> Duration.ofSeconds(Long.parseLong(value.trim())))
            .orElse(Duration.ofSeconds(1));
    }

    /** The gateway did not answer at all, or the connection broke. */
    static final class GatewayUnreachableException extends RuntimeException {

        GatewayUnreachableException(String message, Throwable cause) {
            super(message, cause);
        }

    }

}
