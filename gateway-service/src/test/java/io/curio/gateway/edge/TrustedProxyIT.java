package io.curio.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.curio.gateway.EchoServer;
import io.curio.gateway.TestTokens;

/**
 * A caller inside {@code curio.gateway.trusted-proxies} (here the loopback block the test calls from) keeps its
 * forwarded headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class TrustedProxyIT {

    private static final EchoServer SERVICES = EchoServer.start();

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void trustLoopback(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> 0);
        registry.add("management.server.port", () -> 0);
        registry.add("curio.services.inference-url", SERVICES::url);
        registry.add("curio.gateway.trusted-proxies", () -> "10.0.0.0/8,127.0.0.0/8");
        registry.add("curio.gateway.rate-limits.key-prefix", () -> "curio:gateway:it:" + UUID.randomUUID() + ":");
    }

    @AfterAll
    static void stopServices() {
        SERVICES.stop();
    }

    @Test
    void keepsForwardedHeadersFromATrustedProxy() {
        String token = TestTokens.hs256(TestTokens.claims("proxied-" + UUID.randomUUID(), "premium", "recs:read"));

        Map<String, List<String>> headers = echoedHeaders(client.get().uri("/v1/recommendations")
                .headers(h -> h.setBearerAuth(token))
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "books.example")
                .header("Forwarded", "for=203.0.113.7;proto=https;host=books.example"));

        assertThat(headers.get("x-forwarded-for").toString()).contains("203.0.113.7").contains("127.0.0.1");
        assertThat(headers.get("x-forwarded-proto").toString()).contains("https");
        assertThat(headers.get("x-forwarded-host").toString()).contains("books.example");
        assertThat(headers.get("forwarded").toString()).contains("for=203.0.113.7");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> echoedHeaders(WebTestClient.RequestHeadersSpec<?> request) {
        Map<String, Object> echoed = request.exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        return (Map<String, List<String>>) echoed.get("headers");
    }
}
