package io.curio.gateway.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.curio.gateway.TestTokens;

/**
 * Requests refused before routing, sent byte for byte as written (no client-side normalisation).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "curio.gateway.rate-limits.redis-timeout=5s",
                "curio.gateway.rate-limits.key-prefix=curio:gateway:it:firewall:" })
class RejectedRequestIT {

    private static final Duration TIME_BOUND = Duration.ofSeconds(30);

    /** HTTP/1.1 without an upgrade attempt, and bounded, so that a lost answer fails the test instead of hanging. */
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIME_BOUND)
            .build();

    @LocalServerPort
    private int port;

    @ParameterizedTest
    @ValueSource(strings = { "//v1/recommendations", "/v1/./recommendations", "/v1/recommendations;x=1",
            "/v1/..%2Finternal/models" })
    void answersFirewallRejectionWithProblem(String path) throws Exception {
        // when
        HttpResponse<String> response = get(path);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"type\":\"urn:curio:problem:rejected-request\"")
                .contains("\"title\":\"Bad Request\"")
                .contains("\"status\":400")
                .contains("\"detail\":\"The request path is not in canonical form\"")
                .doesNotContainIgnoringCase("firewall")
                .doesNotContainIgnoringCase("semicolon");
    }

    @Test
    void answersOverlongUriWithProblem() throws Exception {
        // when
        HttpResponse<String> response = get("/v1/experiments/" + "a".repeat(5_000) + "x".repeat(4_000));

        // then
        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"type\":\"urn:curio:problem:uri-too-long\"")
                .contains("\"status\":414")
                .contains("\"detail\":\"The path and query are over 8192 characters\"");
    }

    @Test
    void checksLongUriBelowTheLimitLikeAnyOther() throws Exception {
        // when
        HttpResponse<String> response = get("/v1/experiments/" + "a".repeat(5_000));

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private HttpResponse<String> get(String rawPath) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + rawPath))
                .timeout(TIME_BOUND)
                .header("Authorization", "Bearer " + TestTokens.hs256(TestTokens.claims("42", "free", "recs:read")))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
