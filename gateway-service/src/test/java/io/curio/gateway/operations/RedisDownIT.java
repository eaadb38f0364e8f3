package io.curio.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.curio.gateway.EchoServer;
import io.curio.gateway.TestTokens;

/**
 * The gateway against a redis-server of its own that stops while requests come in: they are still answered,
 * limited in memory at the free plan's limits, and health reports the degraded mode while staying UP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedisDownIT {

    private static final EchoServer SERVICES = EchoServer.start();

    private static final RedisServerProcess REDIS = RedisServerProcess.onFreePort();

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void ownRedis(DynamicPropertyRegistry registry) {
        REDIS.start();
        registry.add("server.port", () -> 0);
        registry.add("curio.services.inference-url", SERVICES::url);
        registry.add("spring.data.redis.port", REDIS::port);
        registry.add("curio.gateway.rate-limits.key-prefix", () -> "curio:gateway:it:" + UUID.randomUUID() + ":");
        registry.add("curio.gateway.rate-limits.redis-timeout", () -> "5s");
        registry.add("curio.gateway.rate-limits.redis-backoff", () -> "1s");
        // a bucket of 10 refilled every 100 s keeps the free limit observable on a slow machine
        registry.add("curio.gateway.rate-limits.free.rate", () -> "0.01");
    }

    @AfterAll
    static void stopServers() {
        SERVICES.stop();
        REDIS.stop();
    }

    @Test
    void limitsPremiumAtFreeLimitsInMemoryWhileRedisIsDownAndStaysUp() {
        // given: Redis answered, then stopped
        String premium = TestTokens.hs256(TestTokens.claims("it-" + UUID.randomUUID(), "premium", "recs:read"));
        assertThat(http().get("/v1/recommendations", premium).headers().firstValue("X-RateLimit-Remaining"))
                .hasValue("99");
        assertThat(management().get("/actuator/health").body()).contains("\"mode\":\"redis\"");
        REDIS.stop();

        // when
        List<Integer> statuses = new ArrayList<>();
        for (int call = 0; call < 11; call++) {
            statuses.add(http().get("/v1/recommendations", premium).statusCode());
        }
        HttpResponse<String> health = management().get("/actuator/health");

        // then
        assertThat(statuses.subList(0, 10)).containsOnly(200);
        assertThat(statuses.get(10)).isEqualTo(429);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"redis\":\"down\"")
                .contains("\"mode\":\"in-memory\"");
        assertThat(meters.get("curio.gateway.ratelimit.fallback").counter().count()).isGreaterThanOrEqualTo(11);
        assertThat(meters.get("curio.gateway.ratelimit.rejected").tag("plan", "premium").tag("limit", "burst")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void goesBackToRedisOnceItAnswersAgain() {
        // given: Redis stopped and seen down
        String free = TestTokens.hs256(TestTokens.claims("it-" + UUID.randomUUID(), "free", "recs:read"));
        REDIS.stop();
        http().get("/v1/recommendations", free);

        // when
        REDIS.start();

        // then
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            http().get("/v1/recommendations", free);
            assertThat(management().get("/actuator/health").body()).contains("\"mode\":\"redis\"");
        });
    }

    private GatewayHttp http() {
        return new GatewayHttp(port);
    }

    private GatewayHttp management() {
        return new GatewayHttp(managementPort);
    }
}
