package io.curio.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.curio.gateway.TestTokens;

/**
 * A route whose service is down answers 503 as a problem document that names no internal address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class UnreachableServiceIT {

    private static final int CLOSED_PORT = closedPort();

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void routeToClosedPort(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> 0);
        registry.add("curio.services.abtest-url", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("curio.gateway.rate-limits.key-prefix", () -> "curio:gateway:it:" + UUID.randomUUID() + ":");
    }

    @Test
    void answersServiceUnavailableWithoutInternalAddress() {
        // given
        String token = TestTokens.hs256(TestTokens.claims("it-" + UUID.randomUUID(), "free", "experiments:admin"));

        // when / then
        client.get().uri("/v1/experiments/home-ranking")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-RateLimit-Remaining")
                .expectHeader().exists("X-Request-Id")
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("\"status\":503")
                        .doesNotContain("127.0.0.1")
                        .doesNotContain(Integer.toString(CLOSED_PORT))
                        .doesNotContain("Exception"));
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
