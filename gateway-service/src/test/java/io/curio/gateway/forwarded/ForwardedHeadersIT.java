package io.curio.gateway.forwarded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.curio.gateway.EchoServer;
import io.curio.gateway.TestRoutes;
import io.curio.gateway.TestTokens;

/**
 * {@code Forwarded} and {@code X-Forwarded-*} headers reach the services only when the gateway's TCP peer is a
 * trusted proxy; from anyone else the services see the gateway's own account of the peer and nothing the caller
 * chose.
 */
class ForwardedHeadersIT {

    private static final String CLIENT = "203.0.113.9";

    private static final EchoServer SERVICES = EchoServer.start();

    @DynamicPropertySource
    static void routeToEchoServer(DynamicPropertyRegistry registry) {
        TestRoutes.routeAllTo(registry, SERVICES::url);
    }

    @AfterAll
    static void stopServices() {
        SERVICES.stop();
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @AutoConfigureWebTestClient(timeout = "30s")
    class FromUntrustedPeer {

        @Autowired
        private WebTestClient client;

        @Test
        void dropsForwardedHeadersTheCallerSent() {
            // when
            Map<String, List<String>> headers = headersBehind(client);

            // then
            assertThat(String.valueOf(headers.get("x-forwarded-for"))).doesNotContain(CLIENT);
            assertThat(String.valueOf(headers.get("x-forwarded-host"))).doesNotContain("evil.example");
            assertThat(String.valueOf(headers.get("forwarded"))).doesNotContain(CLIENT).doesNotContain("evil");
            assertThat(headers).doesNotContainKey("x-forwarded-client-cert");
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @AutoConfigureWebTestClient(timeout = "30s")
    @TestPropertySource(properties = "curio.gateway.trusted-proxies=10.0.0.0/8,127.0.0.1/32")
    class FromTrustedProxy {

        @Autowired
        private WebTestClient client;

        @Test
        void passesForwardedHeadersOn() {
            // when
            Map<String, List<String>> headers = headersBehind(client);

            // then
            assertThat(String.valueOf(headers.get("x-forwarded-for"))).contains(CLIENT);
            assertThat(String.valueOf(headers.get("forwarded"))).contains(CLIENT);
            assertThat(headers.get("x-forwarded-client-cert")).containsExactly("by-proxy");
        }
    }

    private static Map<String, List<String>> headersBehind(WebTestClient client) {
        return TestRoutes.echoedHeaders(client.get().uri("/v1/recommendations")
                .headers(headers -> headers.setBearerAuth(TestTokens.hs256(
                        TestTokens.claims("fwd-" + UUID.randomUUID(), "premium", "recs:read"))))
                .header("X-Forwarded-For", CLIENT)
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Client-Cert", "by-proxy")
                .header("Forwarded", "for=" + CLIENT + ";host=evil.example"));
    }
}
