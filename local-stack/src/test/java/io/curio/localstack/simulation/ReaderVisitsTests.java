package io.curio.localstack.simulation;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.curio.localstack.simulation.ReaderVisits.Outcome;
import io.curio.localstack.simulation.ReaderVisits.Visit;
import io.curio.localstack.token.TokenMinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Visits against a fake of the gateway on 127.0.0.1. */
class ReaderVisitsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private static final String LIST = """
            {"requestId":"req-1","userId":"42","surface":"home",
             "experiment":{"key":"home-ranking","variant":"treatment"},
             "items":[{"bookId":"b1"},{"bookId":"b2"},{"bookId":"b3"}]}""";

    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    private final List<String> eventBodies = new CopyOnWriteArrayList<>();

    private HttpServer gateway;

    private volatile int listStatus = 200;

    private volatile String listBody = LIST;

    private volatile int eventsStatus = 202;

    @BeforeEach
    void startTheFakeGateway() throws IOException {
        this.gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.gateway.createContext("/v1/recommendations", (exchange) -> {
            this.authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getResponseHeaders().add("Retry-After", "7");
            answer(exchange, this.listStatus, this.listBody);
        });
        this.gateway.createContext("/v1/events", (exchange) -> {
            this.eventBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, this.eventsStatus, "{\"accepted\":2,\"rejected\":[]}");
        });
        this.gateway.start();
    }

    @AfterEach
    void stopTheFakeGateway() {
        this.gateway.stop(0);
    }

    @Test
    void clicksAndFinishesAFutureBookWithTheListsRequestId() {
        SimulatedReader reader = ClickModelTests.reader(Set.of("b2"));

        Visit visit = visits(new ClickModel(1.0, 0.0, 0.0, 1.0)).visit(reader, new Random(1));

        assertThat(visit.outcome()).isEqualTo(Outcome.SERVED);
        assertThat(visit.variant()).isEqualTo("treatment");
        assertThat(visit.shown()).isEqualTo(3);
        JsonNode events = JSON.readTree(this.eventBodies.get(0));
        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("type").asString()).isEqualTo("click");
        assertThat(events.get(1).path("type").asString()).isEqualTo("finish");
        for (JsonNode event : events) {
            assertThat(event.path("bookId").asString()).isEqualTo("b2");
            assertThat(event.path("requestId").asString()).isEqualTo("req-1");
            assertThat(event.path("userId").asString()).isEqualTo("42");
            assertThat(event.path("platform").asString()).isEqualTo("ios");
            assertThat(event.path("occurredAt").asString()).isEqualTo("2026-12-04T10:00:00Z");
        }
        assertThat(events.get(0).path("eventId").asString()).isNotEqualTo(events.get(1).path("eventId").asString());
        assertThat(reader.wouldRead("b2")).isFalse();
    }

    @Test
    void asksWithTheReadersOwnToken() {
        visits(ClickModel.DEFAULT).visit(ClickModelTests.reader(Set.of()), new Random(1));

        String token = this.authorizations.get(0).substring("Bearer ".length());
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(JSON.readTree(claims).path("sub").asString()).isEqualTo("42");
        assertThat(JSON.readTree(claims).path("scope").asString()).isEqualTo("recs:read events:write");
    }

    @Test
    void sendsNoEventsWhenNothingIsClicked() {
        Visit visit = visits(new ClickModel(1.0, 0.0, 0.0, 1.0)).visit(ClickModelTests.reader(Set.of()),
                new Random(1));

        assertThat(visit.outcome()).isEqualTo(Outcome.SERVED);
        assertThat(visit.reactions()).isEmpty();
        assertThat(this.eventBodies).isEmpty();
    }

    @Test
    void waitsAsLongAsTheGatewayAsksWhenItLimitsTheRate() {
        this.listStatus = 429;

        Visit visit = visits(ClickModel.DEFAULT).visit(ClickModelTests.reader(Set.of("b1")), new Random(1));

        assertThat(visit.outcome()).isEqualTo(Outcome.THROTTLED);
        assertThat(visit.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void countsAListOutsideTheExperimentUnderNoVariant() {
        this.listBody = LIST.replace("{\"key\":\"home-ranking\",\"variant\":\"treatment\"}", "null");

        Visit visit = visits(ClickModel.DEFAULT).visit(ClickModelTests.reader(Set.of()), new Random(1));

        assertThat(visit.variant()).isEqualTo(ReaderVisits.NO_VARIANT);
    }

    @Test
    void aClickedBookDrawsNoMoreClicksEvenWhenNotFinished() {
        SimulatedReader reader = ClickModelTests.reader(Set.of("b2"));
        ReaderVisits visits = visits(new ClickModel(1.0, 0.0, 0.0, 0.0));

        Visit first = visits.visit(reader, new Random(1));
        Visit second = visits.visit(reader, new Random(1));

        assertThat(first.reactions()).extracting(ClickModel.Reaction::bookId).containsExactly("b2");
        assertThat(first.reactions()).noneMatch(ClickModel.Reaction::finished);
        assertThat(second.reactions()).isEmpty();
        assertThat(reader.wouldRead("b2")).isFalse();
    }

    @Test
    void keepsTheBookUnfinishedWhenTheEventsAreRefused() {
        this.eventsStatus = 400;
        SimulatedReader reader = ClickModelTests.reader(Set.of("b2"));

        Visit visit = visits(new ClickModel(1.0, 0.0, 0.0, 1.0)).visit(reader, new Random(1));

        assertThat(visit.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(visit.failure()).startsWith("events answered HTTP 400");
        assertThat(reader.wouldRead("b2")).isTrue();
    }

    private ReaderVisits visits(ClickModel model) {
        String url = "http://127.0.0.1:" + this.gateway.getAddress().getPort();
        return new ReaderVisits(url, "home-ranking", new TokenMinter(TokenMinter.LOCAL_SECRET), model,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

}
