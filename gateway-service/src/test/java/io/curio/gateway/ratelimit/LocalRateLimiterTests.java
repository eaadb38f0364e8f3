package io.curio.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LocalRateLimiterTests {

    private static final PlanLimit FREE = new PlanLimit(5, 10, null);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T10:00:00Z"));

    private final LocalRateLimiter limiter = new LocalRateLimiter(clock);

    @Test
    void limitsEachUserOnItsOwn() {
        // given
        for (int request = 0; request < 10; request++) {
            limiter.take("1", FREE);
        }

        // when
        RateLimitDecision first = limiter.take("1", FREE);
        RateLimitDecision second = limiter.take("2", FREE);

        // then
        assertThat(first.allowed()).isFalse();
        assertThat(second.allowed()).isTrue();
        assertThat(second.remaining()).isEqualTo(9);
    }

    @Test
    void allowsAgainOnceTimeHasPassed() {
        // given
        for (int request = 0; request < 11; request++) {
            limiter.take("1", FREE);
        }

        // when
        clock.advance(Duration.ofMillis(200));
        RateLimitDecision decision = limiter.take("1", FREE);

        // then
        assertThat(decision.allowed()).isTrue();
    }

    @Test
    void forgetsFullBucketsWhenCrowded() {
        // given
        for (int user = 0; user < LocalRateLimiter.MAX_BUCKETS; user++) {
            limiter.take(Integer.toString(user), FREE);
        }
        clock.advance(Duration.ofSeconds(1));

        // when
        limiter.take("newcomer", FREE);

        // then
        assertThat(limiter.size()).isEqualTo(1);
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
