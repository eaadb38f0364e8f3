package io.curio.gateway.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.curio.gateway.recommendations.InferenceStub.Mode;

/**
 * inference-service fails and has never served a fallback list: only then does the gateway answer 503.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class NoFallbackListIT {

    private static final InferenceStub INFERENCE = InferenceStub.withoutFallbackList();

    @Autowired
    private WebTestClient webClient;

    @Autowired
    private FallbackListSource fallbackList;

    @DynamicPropertySource
    static void routeToStub(DynamicPropertyRegistry registry) {
        RecommendationsClient.routeTo(INFERENCE, registry);
    }

    @AfterAll
    static void stopStub() {
        INFERENCE.stop();
    }

    @Test
    void answersServiceUnavailableWithoutAnyFallbackList() {
        // given
        INFERENCE.mode(Mode.FAIL);
        fallbackList.refresh().block();

        // when / then
        assertThat(fallbackList.current()).isEmpty();
        new RecommendationsClient(webClient).request(RecommendationsClient.newUser(), "")
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:curio:problem:service-unavailable");
    }
}
