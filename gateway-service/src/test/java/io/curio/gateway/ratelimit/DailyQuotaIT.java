package io.curio.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.curio.gateway.EchoServer;
import io.curio.gateway.PerRunRateLimits;
import io.curio.gateway.TestTokens;

/**
 * A free user who has spent the day's quota is refused until UTC midnight, while a premium user is not limited
 * by any quota, against real Redis on 127.0.0.1:6379.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class DailyQuotaIT {

    private static final int QUOTA = 200;

    private static final EchoServer SERVICES = EchoServer.start();

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void smallFreeQuota(DynamicPropertyRegistry registry) {
        registry.add("curio.services.inference-url", SERVICES::url);
        PerRunRateLimits.register(registry);
        // buckets at least as large as the quota, so that only the quota can refuse
        registry.add("curio.gateway.rate-limits.free.rate", () -> QUOTA);
        registry.add("curio.gateway.rate-limits.free.burst", () -> QUOTA);
        registry.add("curio.gateway.rate-limits.free.daily-quota", () -> QUOTA);
        registry.add("curio.gateway.rate-limits.premium.rate", () -> QUOTA);
        registry.add("curio.gateway.rate-limits.premium.burst", () -> 2 * QUOTA);
    }

    @AfterAll
    static void stopServices() {
        SERVICES.stop();
    }

    @Test
    void refusesAFreeUserOverTheDailyQuotaUntilUtcMidnight() {
        // given
        String free = token("free");
        spend(free, QUOTA);

        // when
        WebTestClient.ResponseSpec refused = get(free);

        // then
        long untilMidnight = Duration.between(Instant.now(),
                LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()).toSeconds();
        refused.expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-RateLimit-Remaining", "0")
                .expectHeader().value(HttpHeaders.RETRY_AFTER,
                        retryAfter -> assertThat(Long.parseLong(retryAfter)).isCloseTo(untilMidnight, within(5L)));
    }

    @Test
    void givesPremiumUsersNoDailyQuota() {
        // given
        String premium = token("premium");
        spend(premium, QUOTA + 1);

        // when / then
        get(premium).expectStatus().isOk();
    }

    private void spend(String token, int requests) {
        for (int request = 0; request < requests; request++) {
            get(token).expectStatus().isOk();
        }
    }

    private WebTestClient.ResponseSpec get(String token) {
        return client.get().uri("/v1/recommendations").headers(headers -> headers.setBearerAuth(token)).exchange();
    }

    private static String token(String plan) {
        return TestTokens.hs256(TestTokens.claims("it-" + UUID.randomUUID(), plan, "recs:read"));
    }
}
