package io.curio.gateway.recommendations;

import java.util.Map;
import java.util.UUID;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.curio.gateway.TestTokens;

/**
 * Calls the gateway as a reader of the mobile app would.
 */
final class RecommendationsClient {

    private final WebTestClient client;

    RecommendationsClient(WebTestClient client) {
        this.client = client;
    }

    static String newUser() {
        return "it-" + UUID.randomUUID();
    }

    /** A gateway on a random port whose recommendations and events go to the stub, with its own rate limits. */
    static void routeTo(InferenceStub stub, DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> 0);
        registry.add("curio.services.inference-url", stub::url);
        registry.add("curio.services.ingestion-url", stub::url);
        registry.add("curio.gateway.rate-limits.key-prefix", () -> "curio:gateway:it:" + UUID.randomUUID() + ":");
    }

    Map<String, Object> recommendations(String user, String query) {
        return request(user, query)
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult()
                .getResponseBody();
    }

    WebTestClient.ResponseSpec request(String user, String query) {
        return client.get().uri("/v1/recommendations" + query)
                .headers(headers -> headers.setBearerAuth(token(user)))
                .exchange();
    }

    void sendEvent(String user) {
        client.post().uri("/v1/events")
                .headers(headers -> headers.setBearerAuth(token(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[]")
                .exchange()
                .expectStatus().isAccepted();
    }

    private static String token(String user) {
        return TestTokens.hs256(TestTokens.claims(user, "premium", "recs:read events:write"));
    }
}
