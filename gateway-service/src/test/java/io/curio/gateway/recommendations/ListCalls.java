package io.curio.gateway.recommendations;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.curio.gateway.TestTokens;

/**
 * Calls of {@code GET /v1/recommendations} and {@code POST /v1/events} as a reader makes them.
 */
final class ListCalls {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() { };

    private ListCalls() {
    }

    /** Routes lists and events to the given inference-service, with rate-limit buckets of their own. */
    static void routeTo(DynamicPropertyRegistry registry, Supplier<Object> inferenceUrl) {
        registry.add("server.port", () -> 0);
        registry.add("curio.services.inference-url", inferenceUrl);
        registry.add("curio.services.ingestion-url", inferenceUrl);
        registry.add("curio.gateway.rate-limits.key-prefix", () -> "curio:gateway:it:" + UUID.randomUUID() + ":");
    }

    /** The gateway's metrics, which it serves on its management port only. */
    static WebTestClient.ResponseSpec prometheus(int managementPort) {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .get().uri("/actuator/prometheus").exchange();
    }

    static void awaitFallbackList(FallbackListSource fallbackLists) {
        await().atMost(Duration.ofSeconds(30)).until(() -> fallbackLists.current().isPresent());
    }

    static double fallbacks(MeterRegistry meters, String reason) {
        return meters.counter("curio.gateway.fallbacks", "reason", reason).count();
    }

    static String newUser() {
        return "it-" + UUID.randomUUID();
    }

    static String token(String user, String plan) {
        return TestTokens.hs256(TestTokens.claims(user, plan, "recs:read events:write"));
    }

    static EntityExchangeResult<Map<String, Object>> list(WebTestClient client, String token, String query) {
        return list(client, token, query, false);
    }

    static EntityExchangeResult<Map<String, Object>> list(WebTestClient client, String token, String query,
            boolean noCache) {
        return client.get().uri("/v1/recommendations" + query)
                .headers(headers -> {
                    headers.setBearerAuth(token);
                    if (noCache) {
                        headers.setCacheControl("no-cache");
                    }
                })
                .exchange()
                .expectStatus().isOk()
                .expectBody(JSON_OBJECT)
                .returnResult();
    }

    static String cacheStatus(EntityExchangeResult<?> result) {
        return result.getResponseHeaders().getFirst(RecommendationsFilter.CACHE_STATUS);
    }

    static void sendEvent(WebTestClient client, String user, String token) {
        client.post().uri("/v1/events")
                .headers(headers -> headers.setBearerAuth(token))
                .header("Content-Type", "application/json")
                .bodyValue("{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"click\",\"userId\":\"" + user
                        + "\",\"bookId\":\"e1\",\"occurredAt\":\"2026-12-04T10:00:00Z\"}")
                .exchange()
                .expectStatus().isAccepted();
    }
}
