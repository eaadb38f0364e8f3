package io.curio.gateway.recommendations;

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
 * inference-service stops after the gateway fetched its fallback list: readers still get the list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class InferenceDownIT {

    private static final InferenceStub INFERENCE = InferenceStub.withFallbackList();

    @Autowired
    private WebTestClient webClient;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private FallbackListSource fallbackList;

    @DynamicPropertySource
    static void routeToStub(DynamicPropertyRegistry registry) {
        RecommendationsClient.routeTo(INFERENCE, registry);
    }

    @Test
    void answersTheFallbackListWhenTheServiceCannotBeReached() {
        // given
        fallbackList.refresh().block();
        INFERENCE.stop();
        double unavailable = meters.get("curio.gateway.fallbacks").tag("reason", "unavailable").counter().count();

        // when
        Map<String, Object> answer = new RecommendationsClient(webClient)
                .recommendations(RecommendationsClient.newUser(), "?limit=3");

        // then
        assertThat(answer).containsEntry("degraded", true);
        assertThat(meters.get("curio.gateway.fallbacks").tag("reason", "unavailable").counter().count())
                .isEqualTo(unavailable + 1);
    }
}
