package io.curio.abtest.results;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import io.curio.abtest.results.Statistics.Interval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Expected values computed by hand from the formulas and checked against SciPy 1.17.
 */
class StatisticsTests {

    private static final Offset<Double> CLOSE = within(1e-9);

    @Test
    void givesTheWilsonIntervalOfTenClicksInAHundred() {
        // when
        Interval interval = Statistics.wilson(10, 100);

        // then
        assertThat(interval.low()).isCloseTo(0.0552291370606751, CLOSE);
        assertThat(interval.high()).isCloseTo(0.17436566150491345, CLOSE);
    }

    @Test
    void givesAWilsonIntervalAboveZeroWhenNothingWasClicked() {
        // when
        Interval interval = Statistics.wilson(0, 50);

        // then
        assertThat(interval.low()).isCloseTo(0, CLOSE);
        assertThat(interval.high()).isCloseTo(0.07134759913335872, CLOSE);
    }

    @Test
    void givesTheWholeRangeWithoutTrials() {
        // when
        Interval interval = Statistics.wilson(0, 0);

        // then
        assertThat(interval).isEqualTo(new Interval(0, 1));
    }

    @Test
    void givesTheTwoProportionPValue() {
        // given 130 of 1,000 against 100 of 1,000: pooled 0.115, z = 0.03 / 0.0142671 = 2.10274

        // when
        double pValue = Statistics.twoProportionPValue(130, 1000, 100, 1000);

        // then
        assertThat(pValue).isCloseTo(0.03548845046647471, within(1e-8));
    }

    @Test
    void givesNoPValueWhenNothingWasClickedAnywhere() {
        // when
        double pValue = Statistics.twoProportionPValue(0, 1000, 0, 1000);

        // then
        assertThat(pValue).isNaN();
    }

    @Test
    void givesTheNewcombeIntervalOfTheDifferenceAsPublished() {
        // when: Newcombe (1998), Statistics in Medicine 17, table II, example (a): 56/70 − 48/80, method 10
        Interval interval = Statistics.differenceInterval(56, 70, 48, 80);

        // then
        assertThat(interval.low()).isCloseTo(0.0524, within(5e-5));
        assertThat(interval.high()).isCloseTo(0.3339, within(5e-5));
    }

    @Test
    void keepsTheDifferenceIntervalWithinMinusOneAndOneForTinySamples() {
        // when: 0 of 3 against 3 of 3, where the Wald interval collapses to a point at −1
        Interval interval = Statistics.differenceInterval(0, 3, 3, 3);

        // then
        assertThat(interval.low()).isGreaterThanOrEqualTo(-1);
        assertThat(interval.high()).isLessThanOrEqualTo(1).isLessThan(0);
        assertThat(interval.high() - interval.low()).isGreaterThan(0.5);
    }

    @Test
    void givesNormalTailProbabilities() {
        // then
        assertThat(Statistics.normalUpperTail(0)).isCloseTo(0.5, CLOSE);
        assertThat(Statistics.normalUpperTail(1.96)).isCloseTo(0.024997895148220435, within(1e-10));
        assertThat(Statistics.normalUpperTail(5)).isCloseTo(2.866515718791933e-07, within(1e-14));
    }

    @Test
    void givesChiSquareTailProbabilities() {
        // then
        assertThat(Statistics.chiSquareUpperTail(3.841458820694124, 1)).isCloseTo(0.05, within(1e-9));
        assertThat(Statistics.chiSquareUpperTail(5.991464547107979, 2)).isCloseTo(0.05, within(1e-9));
        assertThat(Statistics.chiSquareUpperTail(20, 3)).isCloseTo(0.00016974243555282632, within(1e-11));
        assertThat(Statistics.chiSquareUpperTail(0, 1)).isCloseTo(1, CLOSE);
    }

}
