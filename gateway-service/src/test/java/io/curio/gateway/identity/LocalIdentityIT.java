package io.curio.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import io.curio.gateway.EchoServer;
import io.curio.gateway.PerRunRateLimits;
import io.curio.gateway.TestTokens;

/**
 * Local identity (HS256) seen from a caller sending requests byte for byte (no client-side normalisation): every
 * variant of a public path gets the canonical path's decision or a refusal, never a way around its scope check;
 * and identity headers a caller sends never reach the service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LocalIdentityIT {

    /** HTTP/1.1 without an h2c upgrade, and a bound on every call: a lost answer fails the test, never hangs it. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final EchoServer SERVICES = EchoServer.start();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void routeToEchoServer(DynamicPropertyRegistry registry) {
        registry.add("curio.services.inference-url", SERVICES::url);
        registry.add("curio.services.ingestion-url", SERVICES::url);
        registry.add("curio.services.abtest-url", SERVICES::url);
        PerRunRateLimits.register(registry);
    }

    @AfterAll
    static void stopServices() {
        SERVICES.stop();
    }

    @ParameterizedTest(name = "{0} {1} with scope ''{2}''")
    @CsvSource(delimiter = '|', value = {
            "GET  | /v1/recommendations/                 | events:write",
            "GET  | //v1/recommendations                 | events:write",
            "GET  | /v1/recommendations;x=y              | events:write",
            "GET  | /v1/%2Frecommendations               | events:write",
            "GET  | /v1%2Frecommendations                | events:write",
            "GET  | /V1/Recommendations                  | events:write",
            "GET  | /v1/recommendations%20               | events:write",
            "GET  | /v1/recommendations/.                | events:write",
            "GET  | /v1/./recommendations                | events:write",
            "GET  | /v1/x/../recommendations             | events:write",
            "GET  | /v1/x/%2e%2e/recommendations         | events:write",
            "HEAD | /v1/recommendations                  | events:write",
            "POST | /v1/recommendations                  | events:write",
            "POST | /v1/events/                          | recs:read",
            "POST | /v1/Events                           | recs:read",
            "POST | /v1/events;jsessionid=1              | recs:read",
            "GET  | /v1/experiments/                     | recs:read events:write",
            "GET  | /v1/experiments//home-ranking        | recs:read events:write",
            "GET  | /v1/Experiments                      | recs:read events:write",
            "GET  | /V1/EXPERIMENTS/home-ranking/results | recs:read events:write",
            "GET  | /v1/experiments%2Fhome-ranking       | recs:read events:write",
            "GET  | /v1/ex%70eriments                    | recs:read events:write",
            "POST | /v1/canaries/                        | recs:read events:write",
            "GET  | /v1/Canaries                         | recs:read events:write",
            "GET  | /v1/admin/models/                    | recs:read events:write",
            "GET  | /v1/admin//models                    | recs:read events:write",
            "POST | /v1/Admin/Models/reload             | recs:read events:write",
            "GET  | /v1/admin/models;a=b/ease            | recs:read events:write",
            "GET  | /internal/models                     | recs:read events:write experiments:admin",
            "GET  | /Internal/models                     | recs:read events:write experiments:admin",
            "GET  | /v1/../internal/models               | recs:read events:write experiments:admin" })
    void neverLetsAPathVariantPastTheScopeCheck(String method, String path, String scopes) throws Exception {
        // when
        HttpResponse<String> response = send(method, path, token(scopes), Map.of());

        // then
        assertThat(response.statusCode()).as(method + " " + path).isIn(400, 403, 404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void routesTheEncodedSpellingOfACanonicalPathLikeTheCanonicalPath() throws Exception {
        // when
        HttpResponse<String> scoped = send("GET", "/v1/ex%70eriments", token("experiments:admin"), Map.of());

        // then
        assertThat(scoped.statusCode()).isEqualTo(200);
        assertThat(echoed(scoped)).containsEntry("path", "/v1/experiments");
    }

    @Test
    void neverForwardsIdentityHeadersTheCallerSent() throws Exception {
        // when
        HttpResponse<String> response = send("GET", "/v1/recommendations",
                TestTokens.hs256(TestTokens.claims("alice", "free", "recs:read")), spoofedIdentity());

        // then
        Map<String, List<String>> forwarded = forwardedHeaders(response);
        assertThat(forwarded.get("x-user-id")).containsExactly("alice");
        assertThat(forwarded.get("x-user-plan")).containsExactly("free");
        assertThat(forwarded.get("x-user-scopes")).containsExactly("recs:read");
        assertThat(forwarded).doesNotContainKeys("x-user-platform", "x-user-role", "authorization");
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("9");
    }

    @Test
    void forwardsOnlyThePlatformTheClientHeaderNames() throws Exception {
        // given
        Map<String, String> sent = new HashMap<>(spoofedIdentity());
        sent.put("X-Client-Platform", "Android");

        // when
        HttpResponse<String> response = send("GET", "/v1/recommendations", token("recs:read"), sent);

        // then
        assertThat(forwardedHeaders(response).get("x-user-platform")).containsExactly("android");
    }

    /** Identity headers a caller might send to pass for someone else, with a better plan or more scopes. */
    static Map<String, String> spoofedIdentity() {
        return Map.of("X-User-Id", "bob", "x-user-plan", "premium", "X-USER-SCOPES", "experiments:admin",
                "X-User-Platform", "ios", "X-User-Role", "admin");
    }

    private HttpResponse<String> send(String method, String rawPath, String token, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + port + rawPath)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString("POST".equals(method) ? "[]" : ""))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token);
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, List<String>> forwardedHeaders(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, List<String>> headers = (Map<String, List<String>>) echoed(response).get("headers");
        return headers;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> echoed(HttpResponse<String> response) {
        return JSON.readValue(response.body(), Map.class);
    }

    private static String token(String scopes) {
        return TestTokens.hs256(TestTokens.claims(newUser(), "premium", scopes));
    }

    private static String newUser() {
        return "it-" + UUID.randomUUID();
    }
}
