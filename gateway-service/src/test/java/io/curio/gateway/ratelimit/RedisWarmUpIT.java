package io.curio.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The gateway's Redis connection is open, and the token-bucket script loaded, before any request arrives; the
 * defaults leave a loaded machine a second to answer.
 */
@SpringBootTest(properties = { "spring.data.redis.client-name=" + RedisWarmUpIT.CLIENT_NAME,
        "curio.gateway.rate-limits.key-prefix=curio:gateway:it:warm-up:" })
class RedisWarmUpIT {

    static final String CLIENT_NAME = "curio-gateway-it-warm-up";

    private static RedisClient observer;

    private static StatefulRedisConnection<String, String> observing;

    @Autowired
    private RateLimitProperties properties;

    @BeforeAll
    static void observeRedis() {
        observer = RedisClient.create("redis://127.0.0.1:6379");
        observing = observer.connect();
    }

    @AfterAll
    static void stopObserving() {
        observing.close();
        observer.shutdown();
    }

    @Test
    void connectsToRedisBeforeTheFirstRequest() throws InterruptedException {
        // when
        boolean connected = awaitClientNamed(CLIENT_NAME, Duration.ofSeconds(10));

        // then
        assertThat(connected).isTrue();
        assertThat(observing.sync().scriptExists(PlanRateLimiter.TOKEN_BUCKET.getSha1())).containsExactly(true);
    }

    @Test
    void waitsUpToOneSecondForRedisByDefault() {
        assertThat(properties.redisTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    private static boolean awaitClientNamed(String name, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (observing.sync().clientList().contains("name=" + name + " ")) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
