package io.curio.localstack.proof;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FreshnessRunTests {

    private final List<Long> hundred = LongStream.rangeClosed(1, 100).boxed().toList();

    @Test
    void takesTheNearestRankPercentile() {
        assertThat(FreshnessRun.percentile(this.hundred, 50)).isEqualTo(50);
        assertThat(FreshnessRun.percentile(this.hundred, 99)).isEqualTo(99);
        assertThat(FreshnessRun.percentile(List.of(700L), 99)).isEqualTo(700);
    }

    @Test
    void answersMinusOneWhenNothingWasSeen() {
        assertThat(FreshnessRun.percentile(List.of(), 50)).isEqualTo(-1);
    }

}
