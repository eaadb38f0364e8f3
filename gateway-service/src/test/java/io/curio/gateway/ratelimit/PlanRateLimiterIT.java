package io.curio.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import io.curio.gateway.identity.Caller;
import io.curio.gateway.identity.Plan;

/**
 * The token-bucket script against real Redis on 127.0.0.1:6379, and the fallback when Redis is not there.
 */
class PlanRateLimiterIT {

    private static final RateLimitProperties LIMITS = new RateLimitProperties(new PlanLimit(0.01, 10),
            new PlanLimit(50, 100), "curio:gateway:it:" + UUID.randomUUID() + ":", Duration.ofSeconds(5));

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final List<LettuceConnectionFactory> factories = new ArrayList<>();

    @AfterEach
    void closeConnections() {
        factories.forEach(LettuceConnectionFactory::destroy);
    }

    @Test
    void allowsTheFreeBurstThenRefusesWithRetryAfter() {
        // given
        PlanRateLimiter limiter = limiterOn(6379);
        Caller caller = caller(Plan.FREE);

        // when
        List<RateLimitDecision> decisions = take(limiter, caller, 11);

        // then
        assertThat(decisions.subList(0, 10)).allMatch(RateLimitDecision::allowed);
        assertThat(decisions.subList(0, 10)).extracting(RateLimitDecision::remaining)
                .containsExactly(9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L, 0L);
        assertThat(decisions.get(10).allowed()).isFalse();
        assertThat(decisions.get(10).remaining()).isZero();
        assertThat(decisions.get(10).retryAfterSeconds()).isBetween(99L, 100L);
        assertThat(meters.get("curio.gateway.ratelimit.rejected").tag("plan", "free").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("curio.gateway.ratelimit.fallback").counter().count()).isZero();
    }

    @Test
    void givesPremiumItsLargerBurst() {
        // given
        PlanRateLimiter limiter = limiterOn(6379);

        // when
        List<RateLimitDecision> decisions = take(limiter, caller(Plan.PREMIUM), 30);

        // then
        assertThat(decisions).allMatch(RateLimitDecision::allowed);
        assertThat(decisions.get(0).remaining()).isEqualTo(99);
    }

    @Test
    void limitsEachUserSeparately() {
        // given
        PlanRateLimiter limiter = limiterOn(6379);
        take(limiter, caller(Plan.FREE), 11);

        // when
        RateLimitDecision other = limiter.take(caller(Plan.FREE)).block();

        // then
        assertThat(other.allowed()).isTrue();
        assertThat(other.remaining()).isEqualTo(9);
    }

    @Test
    void fallsBackToFreeLimitsInMemoryWhenRedisIsDown() throws IOException {
        // given
        PlanRateLimiter limiter = limiterOn(closedPort());
        Caller premium = caller(Plan.PREMIUM);

        // when
        List<RateLimitDecision> decisions = take(limiter, premium, 11);

        // then
        assertThat(decisions.subList(0, 10)).allMatch(RateLimitDecision::allowed);
        assertThat(decisions.get(10).allowed()).isFalse();
        assertThat(meters.get("curio.gateway.ratelimit.fallback").counter().count()).isEqualTo(11);
        assertThat(meters.get("curio.gateway.ratelimit.rejected").tag("plan", "premium").counter().count())
                .isEqualTo(1);
    }

    private PlanRateLimiter limiterOn(int port) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", port),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(5)).build());
        factory.afterPropertiesSet();
        factory.start();
        factories.add(factory);
        return new PlanRateLimiter(new ReactiveStringRedisTemplate(factory), LIMITS, meters);
    }

    private static List<RateLimitDecision> take(PlanRateLimiter limiter, Caller caller, int requests) {
        List<RateLimitDecision> decisions = new ArrayList<>();
        for (int request = 0; request < requests; request++) {
            decisions.add(limiter.take(caller).block());
        }
        return decisions;
    }

    private static Caller caller(Plan plan) {
        return new Caller("it-" + UUID.randomUUID(), plan, List.of("recs:read"));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
