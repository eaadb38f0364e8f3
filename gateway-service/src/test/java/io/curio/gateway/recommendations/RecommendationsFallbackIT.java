package io.curio.gateway.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.curio.gateway.recommendations.InferenceStub.Mode;

/**
 * The time limit, circuit breaker and fallback list of the recommendations route, against a stub
 * inference-service that answers, fails or holds its answer as each test sets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class RecommendationsFallbackIT {

    private static final InferenceStub INFERENCE = InferenceStub.withFallbackList();

    private static final int WINDOW = 4;

    @Autowired
    private WebTestClient webClient;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private CircuitBreaker breaker;

    @Autowired
    private FallbackListSource fallbackList;

    private RecommendationsClient client;

    @DynamicPropertySource
    static void routeToStub(DynamicPropertyRegistry registry) {
        RecommendationsClient.routeTo(INFERENCE, registry);
        registry.add("curio.gateway.recommendations.time-limit", () -> "300ms");
        registry.add("curio.gateway.recommendations.breaker.window", () -> WINDOW);
        registry.add("curio.gateway.recommendations.breaker.minimum-calls", () -> WINDOW);
        registry.add("curio.gateway.recommendations.breaker.slow-call", () -> "1m");
        // stays open for the whole test, however loaded the machine is
        registry.add("curio.gateway.recommendations.breaker.open-for", () -> "1h");
    }

    @AfterAll
    static void stopStub() {
        INFERENCE.stop();
    }

    @BeforeEach
    void startClosedWithAList() {
        client = new RecommendationsClient(webClient);
        breaker.reset();
        INFERENCE.mode(Mode.ANSWER);
        fallbackList.refresh().block();
    }

    @Test
    void answersTheFallbackListWhenTheServiceHoldsItsAnswerBeyondTheTimeLimit() {
        // given
        INFERENCE.mode(Mode.HOLD);
        String user = RecommendationsClient.newUser();
        double timeouts = fallbacks("timeout");

        // when
        Map<String, Object> answer = client.recommendations(user, "?limit=2&surface=shelf");

        // then
        assertThat(answer)
                .containsEntry("userId", user)
                .containsEntry("surface", "shelf")
                .containsEntry("experiment", null)
                .containsEntry("degraded", true)
                .containsEntry("model", Map.of("algorithm", "fallback", "version", InferenceStub.LIST_VERSION));
        assertThat(answer.get("requestId")).isNotNull();
        assertThat((List<?>) answer.get("items")).hasSize(2)
                .first().isEqualTo(Map.of("bookId", "1", "title", "One", "authors", List.of("A"), "score", 3.0));
        assertThat(fallbacks("timeout")).isEqualTo(timeouts + 1);
    }

    @Test
    void answersTheFallbackListWhenTheServiceFails() {
        // given
        INFERENCE.mode(Mode.FAIL);
        double errors = fallbacks("error");

        // when
        Map<String, Object> answer = client.recommendations(RecommendationsClient.newUser(), "");

        // then
        assertThat(answer).containsEntry("degraded", true).containsEntry("surface", "home");
        assertThat((List<?>) answer.get("items")).hasSize(3);
        assertThat(fallbacks("error")).isEqualTo(errors + 1);
    }

    @Test
    void stopsCallingTheServiceOnceTheBreakerOpens() {
        // given
        INFERENCE.mode(Mode.FAIL);
        String user = RecommendationsClient.newUser();
        for (int call = 0; call < WINDOW; call++) {
            client.recommendations(user, "?limit=1");
        }
        int calls = INFERENCE.recommendationCalls();
        double open = fallbacks("circuit-open");

        // when
        Map<String, Object> answer = client.recommendations(user, "?limit=1");

        // then
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(INFERENCE.recommendationCalls()).isEqualTo(calls);
        assertThat(answer).containsEntry("degraded", true);
        assertThat(fallbacks("circuit-open")).isEqualTo(open + 1);
        assertThat(meters.get("curio.gateway.breaker.state").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void neitherCachesAFallbackNorRefusesAParameterTheServiceAccepts() {
        // given
        String user = RecommendationsClient.newUser();
        INFERENCE.mode(Mode.FAIL);
        client.recommendations(user, "?limit=1");
        INFERENCE.mode(Mode.ANSWER);

        // when
        Map<String, Object> answer = client.recommendations(user, "?limit=1");

        // then
        assertThat(answer).containsEntry("degraded", false);
    }

    @Test
    void refusesAnInvalidLimitWhenAnsweringFromTheFallbackList() {
        // given
        INFERENCE.mode(Mode.FAIL);

        // when / then
        client.request(RecommendationsClient.newUser(), "?limit=500")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:curio:problem:invalid-parameter");
    }

    private double fallbacks(String reason) {
        return meters.get("curio.gateway.fallbacks").tag("reason", reason).counter().count();
    }
}
