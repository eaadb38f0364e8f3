package io.curio.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTests {

    private static final PlanLimit FREE = new PlanLimit(5, 10, null);

    private static final long SECOND = 1_000_000L;

    @Test
    void allowsTheBurstThenRefuses() {
        // given
        TokenBucket bucket = TokenBucket.full(FREE, 0);

        // when
        for (int request = 0; request < 10; request++) {
            TokenBucket.Taken taken = bucket.take(FREE, 0);
            assertThat(taken.decision().allowed()).isTrue();
            assertThat(taken.decision().remaining()).isEqualTo(9 - request);
            bucket = taken.bucket();
        }
        TokenBucket.Taken eleventh = bucket.take(FREE, 0);

        // then
        assertThat(eleventh.decision()).isEqualTo(new RateLimitDecision(false, 0, 1, LimitHit.BURST));
    }

    @Test
    void refillsAtTheRate() {
        // given
        TokenBucket empty = new TokenBucket(0, 0);

        // when
        TokenBucket.Taken afterFifthOfSecond = empty.take(FREE, SECOND / 5);
        TokenBucket.Taken afterTenthOfSecond = empty.take(FREE, SECOND / 10);

        // then
        assertThat(afterFifthOfSecond.decision().allowed()).isTrue();
        assertThat(afterFifthOfSecond.bucket().tokens()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(afterTenthOfSecond.decision().allowed()).isFalse();
    }

    @Test
    void neverHoldsMoreThanTheBurst() {
        // given
        TokenBucket bucket = new TokenBucket(3, 0);

        // when
        TokenBucket.Taken taken = bucket.take(FREE, 3_600 * SECOND);

        // then
        assertThat(taken.decision().remaining()).isEqualTo(9);
    }

    @Test
    void roundsRetryAfterUpToWholeSeconds() {
        // given
        PlanLimit slow = new PlanLimit(0.25, 1, null);
        TokenBucket empty = new TokenBucket(0, 0);

        // when
        RateLimitDecision decision = empty.take(slow, SECOND).decision();

        // then
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.retryAfterSeconds()).isEqualTo(3);
    }

    @Test
    void ignoresClockGoingBackwards() {
        // given
        TokenBucket bucket = new TokenBucket(0.5, 10 * SECOND);

        // when
        TokenBucket.Taken taken = bucket.take(FREE, 9 * SECOND);

        // then
        assertThat(taken.decision().allowed()).isFalse();
        assertThat(taken.bucket().updatedMicros()).isEqualTo(10 * SECOND);
    }
}
