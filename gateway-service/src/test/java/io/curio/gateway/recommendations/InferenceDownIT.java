package io.curio.gateway.recommendations;

import static io.curio.gateway.recommendations.ListCalls.list;
import static io.curio.gateway.recommendations.ListCalls.newUser;
import static io.curio.gateway.recommendations.ListCalls.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A gateway that loaded its fallback list keeps answering lists, degraded, once inference-service has gone away and
 * its port is closed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class InferenceDownIT {

    private static final InferenceStub INFERENCE = InferenceStub.start();

    @Autowired
    private WebTestClient client;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private FallbackListSource fallbackLists;

    @DynamicPropertySource
    static void routeToStub(DynamicPropertyRegistry registry) {
        ListCalls.routeTo(registry, INFERENCE::url);
    }

    @Test
    void answersDegradedListsWhileInferenceIsDown() {
        // given
        ListCalls.awaitFallbackList(fallbackLists);
        INFERENCE.stop();
        double unreachable = ListCalls.fallbacks(meters, "unreachable");
        String user = newUser();

        // when
        Map<String, Object> body = list(client, token(user, "free"), "?limit=2").getResponseBody();

        // then
        assertThat(body).containsEntry("degraded", true).containsEntry("userId", user);
        assertThat(RecommendationFallbackIT.bookIds(body)).containsExactly("f1", "f2");
        assertThat(ListCalls.fallbacks(meters, "unreachable")).isEqualTo(unreachable + 1);
    }
}
