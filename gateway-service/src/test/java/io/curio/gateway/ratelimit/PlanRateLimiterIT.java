package io.curio.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

    private static final RateLimitProperties LIMITS = new RateLimitProperties(new PlanLimit(0.01, 10, 2000L),
            new PlanLimit(50, 100, null), "curio:gateway:it:" + UUID.randomUUID() + ":", Duration.ofSeconds(5),
            Duration.ofSeconds(5));

    private static final RateLimitProperties SMALL_QUOTA = new RateLimitProperties(new PlanLimit(1000, 1000, 3L),
            new PlanLimit(0.01, 2, 5L), "curio:gateway:it:" + UUID.randomUUID() + ":", Duration.ofSeconds(5),
            Duration.ofMinutes(10));

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
        assertThat(meters.get("curio.gateway.ratelimit.rejected").tag("plan", "free").tag("limit", "burst")
                .counter().count()).isEqualTo(1);
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
        RateLimitDecision other = limiter.take(caller(Plan.FREE)).block(Duration.ofSeconds(30));

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
        assertThat(meters.get("curio.gateway.ratelimit.rejected").tag("plan", "premium").tag("limit", "burst")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void refusesOverTheDailyQuotaUntilTheUtcDayEnds() {
        // given
        PlanRateLimiter limiter = limiterOn(6379, SMALL_QUOTA);
        Caller caller = caller(Plan.FREE);

        // when
        List<RateLimitDecision> decisions = take(limiter, caller, 4);

        // then
        assertThat(decisions).extracting(RateLimitDecision::remaining).containsExactly(2L, 1L, 0L, 0L);
        assertThat(decisions.get(3).allowed()).isFalse();
        assertThat(decisions.get(3).limitHit()).isEqualTo(LimitHit.DAILY);
        assertThat(decisions.get(3).retryAfterSeconds()).isBetween(1L, 86_400L);
        assertThat(meters.get("curio.gateway.ratelimit.rejected").tag("plan", "free").tag("limit", "daily")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void spendsNoQuotaOnRequestsTheBurstRefuses() {
        // given: a burst of 2 that refills only every 100 s, and a quota of 5
        PlanRateLimiter limiter = limiterOn(6379, SMALL_QUOTA);
        Caller caller = caller(Plan.PREMIUM);

        // when
        List<RateLimitDecision> decisions = take(limiter, caller, 6);

        // then: the four burst refusals leave the day's count at 2
        assertThat(decisions).extracting(RateLimitDecision::limitHit).containsExactly(LimitHit.NONE, LimitHit.NONE,
                LimitHit.BURST, LimitHit.BURST, LimitHit.BURST, LimitHit.BURST);
        assertThat(redisValue(SMALL_QUOTA.keyPrefix() + "day:" + today() + ":" + caller.userId())).isEqualTo("2");
    }

    @Test
    void spendsNoBurstTokenOnRequestsTheQuotaRefuses() {
        // given: the quota of 3 used up, with 997 tokens left in the bucket
        PlanRateLimiter limiter = limiterOn(6379, SMALL_QUOTA);
        Caller caller = caller(Plan.FREE);
        take(limiter, caller, 3);

        // when
        take(limiter, caller, 5);

        // then
        String bucket = SMALL_QUOTA.keyPrefix() + "bucket:" + caller.userId();
        double tokens = Double.parseDouble(redisHashValue(bucket, "tokens"));
        assertThat(tokens).isGreaterThanOrEqualTo(997);
    }

    @Test
    void keepsEverySubjectToKeysOfItsOwn() {
        // given: a free reader with a day's count, and subjects spelled like that reader's keys
        PlanRateLimiter limiter = limiterOn(6379);
        Caller reader = caller(Plan.FREE);
        take(limiter, reader, 1);
        List<Caller> lookalikes = List.of(
                new Caller(reader.userId() + ":day:" + today(), Plan.FREE, List.of("recs:read")),
                new Caller("day:" + today() + ":" + reader.userId(), Plan.FREE, List.of("recs:read")),
                new Caller("bucket:" + reader.userId(), Plan.FREE, List.of("recs:read")));

        // when
        lookalikes.forEach(lookalike -> take(limiter, lookalike, 1));

        // then: Redis decided every call, and the reader's count is the reader's alone
        assertThat(limiter.redisAvailable()).isTrue();
        assertThat(meters.get("curio.gateway.ratelimit.fallback").counter().count()).isZero();
        assertThat(redisValue(LIMITS.keyPrefix() + "day:" + today() + ":" + reader.userId())).isEqualTo("1");
    }

    @Test
    void skipsRedisDuringTheBackoffAfterAFailure() throws IOException {
        // given: a limiter whose first decision finds Redis down
        int port = closedPort();
        PlanRateLimiter limiter = limiterOn(port, SMALL_QUOTA);
        Caller caller = caller(Plan.FREE);
        limiter.take(caller).block(Duration.ofSeconds(30));

        // when
        RateLimitDecision during = limiter.take(caller).block(Duration.ofSeconds(30));

        // then
        assertThat(during.allowed()).isTrue();
        assertThat(limiter.redisAvailable()).isFalse();
        assertThat(meters.get("curio.gateway.ratelimit.fallback").counter().count()).isEqualTo(2);
    }

    private PlanRateLimiter limiterOn(int port) {
        return limiterOn(port, LIMITS);
    }

    private PlanRateLimiter limiterOn(int port, RateLimitProperties limits) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", port),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(5)).build());
        factory.afterPropertiesSet();
        factory.start();
        factories.add(factory);
        return new PlanRateLimiter(new ReactiveStringRedisTemplate(factory), limits, meters);
    }

    private String redisValue(String key) {
        return template().opsForValue().get(key).block(Duration.ofSeconds(30));
    }

    private String redisHashValue(String key, String field) {
        return template().<String, String>opsForHash().get(key, field).block(Duration.ofSeconds(30));
    }

    private ReactiveStringRedisTemplate template() {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", 6379));
        factory.afterPropertiesSet();
        factory.start();
        factories.add(factory);
        return new ReactiveStringRedisTemplate(factory);
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    private static List<RateLimitDecision> take(PlanRateLimiter limiter, Caller caller, int requests) {
        List<RateLimitDecision> decisions = new ArrayList<>();
        for (int request = 0; request < requests; request++) {
            decisions.add(limiter.take(caller).block(Duration.ofSeconds(30)));
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
