package io.curio.gateway.recommendations;

import static io.curio.gateway.recommendations.ListCalls.cacheStatus;
import static io.curio.gateway.recommendations.ListCalls.list;
import static io.curio.gateway.recommendations.ListCalls.newUser;
import static io.curio.gateway.recommendations.ListCalls.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The time limit, circuit breaker and fallback list of {@code GET /v1/recommendations}, against a stand-in
 * inference-service that can be made slow or failing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class RecommendationFallbackIT {

    private static final InferenceStub INFERENCE = InferenceStub.start();

    @Autowired
    private WebTestClient client;

    @LocalManagementPort
    private int managementPort;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private CircuitBreakerRegistry breakers;

    @Autowired
    private FallbackListSource fallbackLists;

    @DynamicPropertySource
    static void routeToStub(DynamicPropertyRegistry registry) {
        ListCalls.routeTo(registry, INFERENCE::url);
    }

    @BeforeEach
    void closeBreakerWithLoadedFallbackList() {
        breakers.circuitBreaker(RecommendationsFilter.ROUTE_ID).reset();
        ListCalls.awaitFallbackList(fallbackLists);
    }

    @AfterEach
    void answerFreshListsAgain() {
        INFERENCE.behave(InferenceStub.Behaviour.FRESH);
    }

    @AfterAll
    static void stopStub() {
        INFERENCE.stop();
    }

    @Test
    void answersTheFallbackListWhenInferenceIsSlow() {
        // given
        String user = newUser();
        INFERENCE.behave(InferenceStub.Behaviour.SLOW);
        double timeouts = fallbacks("timeout");

        // when
        EntityExchangeResult<Map<String, Object>> answer = list(client, token(user, "premium"), "?limit=3");

        // then
        Map<String, Object> body = answer.getResponseBody();
        assertThat(body).containsEntry("degraded", true).containsEntry("userId", user)
                .containsEntry("surface", "home").containsEntry("experiment", null)
                .containsEntry("model", Map.of("algorithm", "popularity", "version", "2026-12-04T10-00-00Z"))
                .containsEntry("requestId", answer.getResponseHeaders().getFirst("X-Request-Id"));
        assertThat(bookIds(body)).containsExactly("p1", "p2", "f1");
        assertThat(fallbacks("timeout")).isEqualTo(timeouts + 1);
        assertThat(cacheStatus(answer)).isEqualTo("miss");
    }

    @Test
    void neverShowsPremiumOnlyBooksToFreeReadersFromTheFallback() {
        // given
        INFERENCE.behave(InferenceStub.Behaviour.FAILING);

        // when
        Map<String, Object> body = list(client, token(newUser(), "free"), "?limit=100").getResponseBody();

        // then
        assertThat(body).containsEntry("degraded", true);
        assertThat(bookIds(body)).containsExactlyElementsOf(InferenceStub.FREE_BOOKS);
    }

    @Test
    void neverKeepsAFallbackInTheCache() {
        // given
        String token = token(newUser(), "free");
        INFERENCE.behave(InferenceStub.Behaviour.FAILING);
        list(client, token, "?limit=2");
        INFERENCE.behave(InferenceStub.Behaviour.FRESH);

        // when
        EntityExchangeResult<Map<String, Object>> answer = list(client, token, "?limit=2");

        // then
        assertThat(cacheStatus(answer)).isEqualTo("miss");
        assertThat(answer.getResponseBody()).containsEntry("degraded", false);
    }

    @Test
    void opensTheBreakerOnServerErrorsAndStopsCallingInference() {
        // given
        String token = token(newUser(), "premium");
        INFERENCE.behave(InferenceStub.Behaviour.FAILING);
        double errors = fallbacks("error");
        double circuitOpen = fallbacks("circuit-open");
        for (int call = 0; call < 10; call++) {
            assertThat(list(client, token, "?limit=4", true).getResponseBody()).containsEntry("degraded", true);
        }
        int reached = INFERENCE.listRequests();

        // when
        List<Map<String, Object>> whileOpen = List.of(list(client, token, "?limit=4", true).getResponseBody(),
                list(client, token, "?limit=4", true).getResponseBody());

        // then
        assertThat(breakers.circuitBreaker(RecommendationsFilter.ROUTE_ID).getState())
                .isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(INFERENCE.listRequests()).isEqualTo(reached);
        assertThat(whileOpen).allSatisfy(body -> assertThat(body).containsEntry("degraded", true));
        assertThat(fallbacks("error")).isEqualTo(errors + 10);
        assertThat(fallbacks("circuit-open")).isEqualTo(circuitOpen + 2);
    }

    @Test
    void passesClientErrorsThroughWithoutFallingBack() {
        // given
        INFERENCE.behave(InferenceStub.Behaviour.REFUSING);
        double errors = fallbacks("error");

        // when / then
        client.get().uri("/v1/recommendations?limit=5")
                .headers(headers -> headers.setBearerAuth(token(newUser(), "free")))
                .exchange()
                .expectStatus().isBadRequest();
        assertThat(fallbacks("error")).isEqualTo(errors);
    }

    @Test
    void exposesFallbackCountsByReason() {
        ListCalls.prometheus(managementPort)
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("curio_gateway_fallbacks_total{reason=\"timeout\"}")
                        .contains("curio_gateway_fallbacks_total{reason=\"error\"}")
                        .contains("curio_gateway_fallbacks_total{reason=\"circuit-open\"}")
                        .contains("curio_gateway_fallbacks_total{reason=\"unreachable\"}"));
    }

    private double fallbacks(String reason) {
        return ListCalls.fallbacks(meters, reason);
    }

    @SuppressWarnings("unchecked")
    static List<String> bookIds(Map<String, Object> body) {
        return ((List<Map<String, Object>>) body.get("items")).stream()
                .map(item -> (String) item.get("bookId"))
                .toList();
    }
}
