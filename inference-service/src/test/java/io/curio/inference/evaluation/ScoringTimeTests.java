package io.curio.inference.evaluation;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScoringTimeTests {

    @Test
    void takesTheNearestRankPercentilesInMicroseconds() {
        long[] nanos = LongStream.rangeClosed(1, 200).map((i) -> (201 - i) * 1_000).toArray();

        ScoringTime time = ScoringTime.of(nanos);

        assertThat(time.medianMicros()).isEqualTo(100);
        assertThat(time.p99Micros()).isEqualTo(198);
    }

}
