package io.curio.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.curio.gateway.EchoServer;
import io.curio.gateway.TestTokens;

/**
 * Health and metrics answer on the management port only, without a token; the public port hides them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagementPortIT {

    private static final EchoServer SERVICES = EchoServer.start();

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @DynamicPropertySource
    static void routeToEchoServer(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> 0);
        registry.add("management.server.port", () -> 0);
        registry.add("curio.services.inference-url", SERVICES::url);
        registry.add("curio.gateway.rate-limits.key-prefix", () -> "curio:gateway:it:" + UUID.randomUUID() + ":");
        registry.add("curio.gateway.rate-limits.redis-timeout", () -> "5s");
        // one token a day keeps the second call refused however slowly the machine runs
        registry.add("curio.gateway.rate-limits.free.rate", () -> "0.01");
        registry.add("curio.gateway.rate-limits.free.burst", () -> "1");
    }

    @AfterAll
    static void stopServices() {
        SERVICES.stop();
    }

    @Test
    void servesHealthWithRateLimiterDetailsWithoutToken() {
        // when
        HttpResponse<String> health = management().get("/actuator/health");
        HttpResponse<String> readiness = management().get("/actuator/health/readiness");

        // then
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"rateLimiter\"")
                .contains("\"redis\":\"up\"").contains("\"mode\":\"redis\"");
        assertThat(readiness.statusCode()).isEqualTo(200);
    }

    @Test
    void publishesRouteLatencyHistogramsAndRejectionsWithoutToken() {
        // given: one routed call and one refused by the burst limit
        String token = TestTokens.hs256(TestTokens.claims("it-" + UUID.randomUUID(), "free", "recs:read"));
        assertThat(publicPort().get("/v1/recommendations", token).statusCode()).isEqualTo(200);
        assertThat(publicPort().get("/v1/recommendations", token).statusCode()).isEqualTo(429);

        // when
        HttpResponse<String> metrics = management().get("/actuator/prometheus");

        // then
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("curio_gateway_ratelimit_rejected_total{limit=\"burst\",plan=\"free\"} 1.0")
                .contains("curio_gateway_ratelimit_rejected_total{limit=\"daily\",plan=\"premium\"} 0.0")
                .contains("curio_gateway_ratelimit_fallback_total")
                .containsPattern("spring_cloud_gateway_requests_seconds_bucket\\{[^}]*routeId=\"recommendations\"")
                .containsPattern("spring_cloud_gateway_requests_seconds_bucket\\{[^}]*status=\"OK\"")
                .contains("http_server_requests_seconds_bucket");
    }

    @Test
    void hidesActuatorOnThePublicPort() {
        // given
        String token = TestTokens.hs256(TestTokens.claims("it-" + UUID.randomUUID(), "premium",
                "recs:read events:write experiments:admin"));

        // when / then
        for (String path : new String[] { "/actuator", "/actuator/health", "/actuator/prometheus",
                "/actuator/gateway/routes" }) {
            assertNotFoundProblem(publicPort().get(path));
            assertNotFoundProblem(publicPort().get(path, token));
        }
    }

    @Test
    void keepsGatewayEndpointOffOnTheManagementPort() {
        // given: a token, since anything but health and metrics needs one on the management port too
        String token = TestTokens.hs256(TestTokens.claims("it-" + UUID.randomUUID(), "premium",
                "recs:read events:write experiments:admin"));

        // when
        HttpResponse<String> response = management().get("/actuator/gateway/routes", token);

        // then
        assertThat(response.statusCode()).isEqualTo(404);
    }

    private static void assertNotFoundProblem(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":404").doesNotContain("actuator");
    }

    private GatewayHttp publicPort() {
        return new GatewayHttp(port);
    }

    private GatewayHttp management() {
        return new GatewayHttp(managementPort);
    }
}
