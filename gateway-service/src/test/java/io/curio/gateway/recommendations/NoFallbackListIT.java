package io.curio.gateway.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A gateway started while inference-service is down starts all the same, and answers lists with 503 until it has
 * loaded a fallback list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class NoFallbackListIT {

    private static final int CLOSED_PORT = closedPort();

    @Autowired
    private WebTestClient client;

    @Autowired
    private FallbackListSource fallbackLists;

    @DynamicPropertySource
    static void routeToClosedPort(DynamicPropertyRegistry registry) {
        ListCalls.routeTo(registry, () -> "http://127.0.0.1:" + CLOSED_PORT);
    }

    @Test
    void answersServiceUnavailableWithRetryAfterWithoutAnyFallbackList() {
        // given
        String token = ListCalls.token(ListCalls.newUser(), "free");

        // when / then
        assertThat(fallbackLists.current()).isEmpty();
        client.get().uri("/v1/recommendations")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "10")
                .expectHeader().exists("X-Request-Id")
                .expectHeader().exists("X-RateLimit-Remaining")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:curio:problem:service-unavailable")
                .jsonPath("$.status").isEqualTo(503);
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
