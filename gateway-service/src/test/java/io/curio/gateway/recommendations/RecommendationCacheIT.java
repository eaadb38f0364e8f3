package io.curio.gateway.recommendations;

import static io.curio.gateway.recommendations.ListCalls.cacheStatus;
import static io.curio.gateway.recommendations.ListCalls.list;
import static io.curio.gateway.recommendations.ListCalls.newUser;
import static io.curio.gateway.recommendations.ListCalls.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
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
 * The response cache of {@code GET /v1/recommendations} against a stand-in inference-service that answers fresh
 * lists, and real Redis for the rate limits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class RecommendationCacheIT {

    private static final InferenceStub INFERENCE = InferenceStub.start();

    @Autowired
    private WebTestClient client;

    @LocalManagementPort
    private int managementPort;

    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void routeToStub(DynamicPropertyRegistry registry) {
        ListCalls.routeTo(registry, INFERENCE::url);
        // a loaded machine must not turn a fresh answer into a fallback here
        registry.add("resilience4j.timelimiter.instances.recommendations.timeout-duration", () -> "20s");
        registry.add("curio.gateway.recommendations.cache.ttl", () -> "5m");
    }

    @AfterAll
    static void stopStub() {
        INFERENCE.stop();
    }

    @Test
    void answersSecondIdenticalRequestFromTheCache() {
        // given
        String token = token(newUser(), "free");
        EntityExchangeResult<Map<String, Object>> first = list(client, token, "?limit=5&surface=home");
        int reached = INFERENCE.listRequests();

        // when
        EntityExchangeResult<Map<String, Object>> second = list(client, token, "?surface=home&limit=5");

        // then
        assertThat(cacheStatus(first)).isEqualTo("miss");
        assertThat(cacheStatus(second)).isEqualTo("hit");
        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(INFERENCE.listRequests()).isEqualTo(reached);
    }

    @Test
    void treatsDefaultParametersAsSent() {
        // given
        String token = token(newUser(), "free");
        list(client, token, "");

        // when
        EntityExchangeResult<Map<String, Object>> spelledOut = list(client, token, "?limit=10&surface=home");

        // then
        assertThat(cacheStatus(spelledOut)).isEqualTo("hit");
    }

    @Test
    void neverSharesAListBetweenUsers() {
        // given
        list(client, token(newUser(), "premium"), "?limit=5");
        String other = newUser();

        // when
        EntityExchangeResult<Map<String, Object>> answer = list(client, token(other, "premium"), "?limit=5");

        // then
        assertThat(cacheStatus(answer)).isEqualTo("miss");
        assertThat(answer.getResponseBody()).containsEntry("userId", other);
    }

    @Test
    void keepsListsForOtherParametersApart() {
        // given
        String token = token(newUser(), "free");
        list(client, token, "?limit=5");

        // when
        EntityExchangeResult<Map<String, Object>> otherLimit = list(client, token, "?limit=6");
        EntityExchangeResult<Map<String, Object>> unknownParameter = list(client, token, "?limit=5&page=2");

        // then
        assertThat(cacheStatus(otherLimit)).isEqualTo("miss");
        assertThat(cacheStatus(unknownParameter)).isEqualTo("miss");
    }

    @Test
    void evictsTheUsersListsWhenTheirEventIsAccepted() {
        // given
        String user = newUser();
        String token = token(user, "free");
        list(client, token, "?limit=5");

        // when
        ListCalls.sendEvent(client, user, token);

        // then
        assertThat(cacheStatus(list(client, token, "?limit=5"))).isEqualTo("miss");
    }

    @Test
    void keepsOtherUsersListsWhenAnEventIsAccepted() {
        // given
        String reader = token(newUser(), "free");
        list(client, reader, "?limit=5");
        String other = newUser();

        // when
        ListCalls.sendEvent(client, other, token(other, "free"));

        // then
        assertThat(cacheStatus(list(client, reader, "?limit=5"))).isEqualTo("hit");
    }

    @Test
    void neverKeepsAListInferenceMarkedDegraded() {
        // given
        String token = token(newUser(), "free");
        INFERENCE.behave(InferenceStub.Behaviour.DEGRADED);
        try {
            list(client, token, "?limit=5");

            // when
            EntityExchangeResult<Map<String, Object>> second = list(client, token, "?limit=5");

            // then
            assertThat(cacheStatus(second)).isEqualTo("miss");
            assertThat(second.getResponseBody()).containsEntry("degraded", true);
        }
        finally {
            INFERENCE.behave(InferenceStub.Behaviour.FRESH);
        }
    }

    @Test
    void bypassesTheCacheOnNoCache() {
        // given
        String token = token(newUser(), "free");
        list(client, token, "?limit=5");
        int reached = INFERENCE.listRequests();

        // when
        EntityExchangeResult<Map<String, Object>> answer = list(client, token, "?limit=5", true);

        // then
        assertThat(cacheStatus(answer)).isEqualTo("bypass");
        assertThat(INFERENCE.listRequests()).isEqualTo(reached + 1);
    }

    @Test
    void refusesAnInvalidLimitWithoutCallingInference() {
        // given
        int reached = INFERENCE.listRequests();

        // when / then
        client.get().uri("/v1/recommendations?limit=0")
                .headers(headers -> headers.setBearerAuth(token(newUser(), "free")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:curio:problem:invalid-parameter");
        assertThat(INFERENCE.listRequests()).isEqualTo(reached);
    }

    @Test
    void countsHitsAndMissesAndExposesTheCacheSize() {
        // given
        double hits = lookups("hit");
        double misses = lookups("miss");
        String token = token(newUser(), "free");

        // when
        list(client, token, "?limit=7");
        list(client, token, "?limit=7");

        // then
        assertThat(lookups("hit")).isEqualTo(hits + 1);
        assertThat(lookups("miss")).isEqualTo(misses + 1);
        ListCalls.prometheus(managementPort)
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("curio_gateway_cache_requests_total{result=\"hit\"}")
                        .contains("curio_gateway_cache_size"));
    }

    private double lookups(String result) {
        return meters.counter("curio.gateway.cache.requests", "result", result).count();
    }
}
