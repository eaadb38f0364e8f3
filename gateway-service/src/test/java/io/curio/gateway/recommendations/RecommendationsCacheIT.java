package io.curio.gateway.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

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

/**
 * The response cache of the recommendations route, against a stub inference-service that counts its calls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class RecommendationsCacheIT {

    private static final InferenceStub INFERENCE = InferenceStub.withFallbackList();

    @Autowired
    private WebTestClient webClient;

    @Autowired
    private MeterRegistry meters;

    private RecommendationsClient client;

    @DynamicPropertySource
    static void routeToStub(DynamicPropertyRegistry registry) {
        RecommendationsClient.routeTo(INFERENCE, registry);
        // long enough that no entry expires while a test runs, however loaded the machine is
        registry.add("curio.gateway.recommendations.cache-ttl", () -> "10m");
    }

    @AfterAll
    static void stopStub() {
        INFERENCE.stop();
    }

    @BeforeEach
    void connect() {
        client = new RecommendationsClient(webClient);
    }

    @Test
    void answersARepeatedRequestFromTheCacheWithTheOriginalRequestId() {
        // given
        String user = RecommendationsClient.newUser();
        Map<String, Object> first = client.recommendations(user, "?limit=5&surface=home");
        int calls = INFERENCE.recommendationCalls();
        double hits = hits();

        // when
        Map<String, Object> again = client.recommendations(user, "?surface=home&limit=5");

        // then
        assertThat(INFERENCE.recommendationCalls()).isEqualTo(calls);
        assertThat(again).isEqualTo(first).containsEntry("userId", user);
        assertThat(hits()).isEqualTo(hits + 1);
    }

    @Test
    void neverAnswersAnotherUserFromTheCache() {
        // given
        String user = RecommendationsClient.newUser();
        String other = RecommendationsClient.newUser();
        client.recommendations(user, "?limit=5");
        int calls = INFERENCE.recommendationCalls();

        // when
        Map<String, Object> answer = client.recommendations(other, "?limit=5");

        // then
        assertThat(INFERENCE.recommendationCalls()).isEqualTo(calls + 1);
        assertThat(answer).containsEntry("userId", other);
    }

    @Test
    void asksTheServiceAgainForOtherParameters() {
        // given
        String user = RecommendationsClient.newUser();
        client.recommendations(user, "?limit=5");
        int calls = INFERENCE.recommendationCalls();

        // when
        client.recommendations(user, "?limit=6");

        // then
        assertThat(INFERENCE.recommendationCalls()).isEqualTo(calls + 1);
    }

    @Test
    void evictsTheUsersListsWhenTheirEventIsAccepted() {
        // given
        String user = RecommendationsClient.newUser();
        Map<String, Object> before = client.recommendations(user, "?limit=5");
        client.recommendations(user, "?limit=7");
        int calls = INFERENCE.recommendationCalls();

        // when
        client.sendEvent(user);
        Map<String, Object> after = client.recommendations(user, "?limit=5");
        client.recommendations(user, "?limit=7");

        // then
        assertThat(INFERENCE.recommendationCalls()).isEqualTo(calls + 2);
        assertThat(after.get("requestId")).isNotEqualTo(before.get("requestId"));
    }

    @Test
    void keepsOtherUsersListsWhenAUserSendsAnEvent() {
        // given
        String user = RecommendationsClient.newUser();
        String other = RecommendationsClient.newUser();
        client.recommendations(other, "?limit=5");
        int calls = INFERENCE.recommendationCalls();

        // when
        client.sendEvent(user);
        client.recommendations(other, "?limit=5");

        // then
        assertThat(INFERENCE.recommendationCalls()).isEqualTo(calls);
    }

    private double hits() {
        return meters.get("curio.gateway.cache.requests").tag("result", "hit").counter().count();
    }
}
