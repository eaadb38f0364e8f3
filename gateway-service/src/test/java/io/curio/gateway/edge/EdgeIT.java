package io.curio.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.curio.gateway.EchoServer;
import io.curio.gateway.TestTokens;

/**
 * The gateway's edge against an echoing service, a service that never answers and real Redis: management port,
 * body limit, response timeout and forwarded headers from a caller that is not a trusted proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class EdgeIT {

    private static final EchoServer SERVICES = EchoServer.start();

    private static final SilentServer HUNG_SERVICE = SilentServer.start();

    private static final int BODY_LIMIT = 1024;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static final String ALL_SCOPES = "recs:read events:write experiments:admin";

    @Autowired
    private WebTestClient client;

    @LocalServerPort
    private int publicPort;

    @LocalManagementPort
    private int managementPort;

    @DynamicPropertySource
    static void routeToTestServices(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> 0);
        registry.add("management.server.port", () -> 0);
        registry.add("curio.services.inference-url", SERVICES::url);
        registry.add("curio.services.ingestion-url", SERVICES::url);
        registry.add("curio.services.abtest-url", HUNG_SERVICE::url);
        registry.add("curio.gateway.max-request-body-size", () -> BODY_LIMIT + "B");
        registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "300ms");
        registry.add("curio.gateway.rate-limits.key-prefix", () -> "curio:gateway:it:" + UUID.randomUUID() + ":");
    }

    @AfterAll
    static void stopServices() throws IOException {
        SERVICES.stop();
        HUNG_SERVICE.stop();
    }

    @Test
    void answersNotFoundForActuatorOnThePublicPort() {
        for (String path : new String[] {"/actuator", "/actuator/health", "/actuator/prometheus",
                "/actuator/gateway/routes"}) {
            expectProblem(client.get().uri(path).headers(bearer()).exchange(), HttpStatus.NOT_FOUND);
        }
    }

    @Test
    void servesOnlyHealthAndPrometheusOnTheManagementPort() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .build();
        client.get().uri("/v1/recommendations").headers(bearer()).exchange().expectStatus().isOk();

        management.get().uri("/actuator/health").exchange().expectStatus().isOk();
        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        management.get().uri("/actuator/gateway/routes").exchange().expectStatus().isNotFound();
        management.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
        management.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("http_server_requests_seconds_bucket{")
                        .contains("spring_cloud_gateway_requests_seconds_bucket{")
                        .contains("le=\"0.01\"")
                        .contains("routeId=\"recommendations\""));
    }

    @Test
    void refusesDeclaredBodyOverTheLimitBeforeRouting() {
        expectProblem(client.post().uri("/v1/events").headers(bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new byte[BODY_LIMIT + 1])
                .exchange(), HttpStatus.CONTENT_TOO_LARGE)
                .jsonPath("$.detail").isEqualTo(RequestBodyLimitFilter.DETAIL);
    }

    @Test
    void refusesChunkedBodyOverTheLimitBeforeRouting() throws Exception {
        HttpResponse<String> response = postChunked(BODY_LIMIT + 1);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":413").doesNotContain("\"path\"");
    }

    @Test
    void routesChunkedBodyWithinTheLimit() throws Exception {
        HttpResponse<String> response = postChunked(BODY_LIMIT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"path\":\"/v1/events\"");
    }

    @Test
    void routesDeclaredBodyAtTheLimit() {
        client.post().uri("/v1/events").headers(bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new byte[BODY_LIMIT])
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void answersGatewayTimeoutProblemWhenTheServiceDoesNotAnswer() {
        expectProblem(client.get().uri("/v1/experiments").headers(bearer()).exchange(), HttpStatus.GATEWAY_TIMEOUT)
                .jsonPath("$.type").isEqualTo("urn:curio:problem:gateway-timeout")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain("127.0.0.1"));
    }

    @Test
    void removesForwardedHeadersFromACallerThatIsNotATrustedProxy() {
        Map<String, Object> echoed = client.get().uri("/v1/recommendations").headers(bearer())
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "spoofed.example")
                .header("Forwarded", "for=203.0.113.7;proto=https;host=spoofed.example")
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();

        assertThat(echoed.get("headers").toString())
                .doesNotContain("203.0.113.7")
                .doesNotContain("spoofed.example")
                .doesNotContain("https")
                .contains("x-forwarded-for=[127.0.0.1]");
    }

    private HttpResponse<String> postChunked(int size) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + publicPort + "/v1/events"))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[size])))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response,
            HttpStatus status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status.value())
                .jsonPath("$.title").isEqualTo(status.getReasonPhrase());
    }

    private static Consumer<HttpHeaders> bearer() {
        return headers -> headers.setBearerAuth(token());
    }

    private static String token() {
        return TestTokens.hs256(TestTokens.claims("edge-" + UUID.randomUUID(), "premium", ALL_SCOPES));
    }
}
