package io.curio.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Flow;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.curio.gateway.EchoServer;
import io.curio.gateway.TestTokens;

/**
 * Every error the gateway makes itself answers {@code application/problem+json}: 404, 405, 413, 414, 431, 429
 * (burst and daily quota), 503 for a service refusing connections and 504 for one too slow. Events go to an echoing
 * service, inference's routes to one that answers after the routes' timeouts (recommendations then fall back to a
 * popular list, model administration answers 504), experiments to a closed port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayProblemsIT {

    private static final EchoServer SERVICES = EchoServer.start();

    private static final SlowServer SLOW = SlowServer.start(Duration.ofSeconds(5));

    private static final int CLOSED_PORT = closedPort();

    private static final String ALL_SCOPES = "recs:read events:write experiments:admin";

    private static final int MAX_BODY = 64 * 1024;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> 0);
        registry.add("curio.services.ingestion-url", SERVICES::url);
        registry.add("curio.services.inference-url", SLOW::url);
        registry.add("curio.services.abtest-url", () -> "http://127.0.0.1:" + CLOSED_PORT);
        // recommendations time out into a fallback list; model administration, like every other route, into a 504
        registry.add("curio.gateway.response-timeouts.others", () -> "1s");
        registry.add("curio.gateway.rate-limits.key-prefix", () -> "curio:gateway:it:" + UUID.randomUUID() + ":");
        registry.add("curio.gateway.rate-limits.redis-timeout", () -> "5s");
        // free users: a quota of 3 a day and a bucket they cannot empty; premium users: a bucket of 2 refilled
        // every 100 s, so that each limit is observed on its own however slowly the machine runs
        registry.add("curio.gateway.rate-limits.free.rate", () -> "1000");
        registry.add("curio.gateway.rate-limits.free.burst", () -> "1000");
        registry.add("curio.gateway.rate-limits.free.daily-quota", () -> "3");
        registry.add("curio.gateway.rate-limits.premium.rate", () -> "0.01");
        registry.add("curio.gateway.rate-limits.premium.burst", () -> "2");
    }

    @AfterAll
    static void stopServices() {
        SERVICES.stop();
        SLOW.stop();
    }

    @Test
    void answersUnknownPathWith404() {
        // when
        HttpResponse<String> response = http().get("/v1/nothing-here", premiumToken());

        // then
        assertProblem(response, 404, "not-found");
    }

    @Test
    void answersWrongMethodWith405AndAllow() {
        // when
        HttpResponse<String> response = http().send("/v1/recommendations", request -> request
                .header("Authorization", "Bearer " + premiumToken())
                .DELETE());

        // then
        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.headers().firstValue("Allow").orElseThrow()).contains("GET");
    }

    @Test
    void answersDeclaredOversizedBodyWith413() {
        // when
        HttpResponse<String> response = postEvents(HttpRequest.BodyPublishers.ofString("x".repeat(MAX_BODY + 1)));

        // then
        assertProblem(response, 413, "content-too-large");
    }

    @Test
    void answersStreamedOversizedBodyWith413() {
        // when: a chunked body, whose length the gateway only learns by counting
        HttpResponse<String> response = postEvents(chunked(MAX_BODY + 1));

        // then
        assertProblem(response, 413, "content-too-large");
    }

    @Test
    void passesStreamedBodyWithinTheLimit() {
        // when
        HttpResponse<String> response = postEvents(chunked(MAX_BODY));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"path\":\"/v1/events\"");
    }

    @Test
    void answersOverlongUriWith414() {
        // when
        HttpResponse<String> response = http().get("/v1/experiments/" + "a".repeat(9_000), premiumToken());

        // then
        assertProblem(response, 414, "uri-too-long");
    }

    @Test
    void answersHugeHeadersWith431() {
        // when
        HttpResponse<String> response = http().send("/v1/recommendations", request -> request
                .header("Authorization", "Bearer " + premiumToken())
                .header("X-Padding", "p".repeat(20_000))
                .GET());

        // then
        assertProblem(response, 431, "request-header-fields-too-large");
    }

    @Test
    void answersEmptyBurstWith429NamingTheBurstLimit() {
        // given
        String token = premiumToken();
        http().get("/v1/nothing-here", token);
        http().get("/v1/nothing-here", token);

        // when
        HttpResponse<String> response = http().get("/v1/nothing-here", token);

        // then
        assertProblem(response, 429, "rate-limited");
        assertThat(response.body()).contains("burst limit");
        assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 100L);
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
    }

    @Test
    void answersUsedUpQuotaWith429UntilTheUtcDayEnds() {
        // given
        String token = TestTokens.hs256(TestTokens.claims("it-" + UUID.randomUUID(), "free", ALL_SCOPES));
        List<String> remaining = List.of(1, 2, 3).stream()
                .map(call -> http().get("/v1/nothing-here", token).headers().firstValue("X-RateLimit-Remaining")
                        .orElseThrow())
                .toList();

        // when
        HttpResponse<String> response = http().get("/v1/nothing-here", token);

        // then
        assertThat(remaining).containsExactly("2", "1", "0");
        assertProblem(response, 429, "rate-limited");
        assertThat(response.body()).contains("daily quota");
        assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 86_400L);
    }

    @Test
    void answersRefusedConnectionWith503() {
        // when
        HttpResponse<String> response = http().get("/v1/experiments", premiumToken());

        // then
        assertProblem(response, 503, "service-unavailable");
        assertThat(response.body()).doesNotContain(Integer.toString(CLOSED_PORT));
    }

    @Test
    void answersSlowServiceWith504() {
        // when
        HttpResponse<String> response = http().get("/v1/admin/models", premiumToken());

        // then
        assertProblem(response, 504, "gateway-timeout");
        assertThat(response.body()).contains("did not answer in time");
    }

    private HttpResponse<String> postEvents(HttpRequest.BodyPublisher body) {
        return http().send("/v1/events", request -> request
                .header("Authorization", "Bearer " + premiumToken())
                .header("Content-Type", "application/json")
                .POST(body));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String kind) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(response.body())
                .contains("\"type\":\"urn:curio:problem:" + kind + "\"")
                .contains("\"status\":" + status)
                .doesNotContain("Exception")
                .doesNotContain("127.0.0.1");
    }

    /** A body sent without Content-Length, in chunks of 4 KiB. */
    private static HttpRequest.BodyPublisher chunked(int bytes) {
        HttpRequest.BodyPublisher whole = HttpRequest.BodyPublishers.ofByteArray(new byte[bytes]);
        return HttpRequest.BodyPublishers.fromPublisher(new Flow.Publisher<ByteBuffer>() {
            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                whole.subscribe(subscriber);
            }
        });
    }

    private GatewayHttp http() {
        return new GatewayHttp(port);
    }

    private static String premiumToken() {
        return TestTokens.hs256(TestTokens.claims("it-" + UUID.randomUUID(), "premium", ALL_SCOPES));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot find a free port", ex);
        }
    }
}
