package io.curio.abtest.results;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.curio.abtest.experiment.Experiment;
import io.curio.abtest.experiment.ExperimentStatus;
import io.curio.abtest.experiment.Variant;
import io.curio.abtest.results.ExperimentResults.Lift;
import io.curio.abtest.results.ExperimentResults.SampleRatio;
import io.curio.abtest.results.ExperimentResults.VariantResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ResultsCalculationTests {

    private static final List<Variant> HALVES = List.of(new Variant("control", 50, "popularity"),
            new Variant("treatment", 50, "item-neighbours"));

    @Test
    void computesCtrAndLiftAgainstTheControl() {
        // given
        Map<String, VariantCounts> counts = Map.of("control", new VariantCounts(900, 1000, 0, 120, 100, 0, 0, 0),
                "treatment", new VariantCounts(910, 1000, 0, 150, 130, 0, 0, 0));

        // when
        ExperimentResults results = ResultsCalculation.of(experiment(HALVES), counts, Map.of(), null);

        // then
        VariantResult control = results.variants().get(0);
        VariantResult treatment = results.variants().get(1);
        assertThat(control.ctr().value()).isCloseTo(0.10, within(1e-12));
        assertThat(control.lift()).isNull();
        assertThat(treatment.clicks()).isEqualTo(150);
        Lift lift = treatment.lift();
        assertThat(lift.absolute()).isCloseTo(0.03, within(1e-12));
        assertThat(lift.relative()).isCloseTo(0.30, within(1e-12));
        assertThat(lift.pValue()).isCloseTo(0.03548845046647471, within(1e-8));
        assertThat(lift.absoluteLow()).isCloseTo(0.0020023485, within(1e-6));
        assertThat(lift.absoluteHigh()).isCloseTo(0.0580704852, within(1e-6));
    }

    @Test
    void keepsTheLiftIntervalWithinBoundsAndAroundZeroWhenTheTestIsNotSignificant() {
        // given 0 of 2 treatment lists clicked against 2 of 3 control ones: p = 0.14, Wald gives [−1.20, −0.13]
        Map<String, VariantCounts> counts = Map.of("control", new VariantCounts(3, 3, 0, 2, 2, 0, 0, 0),
                "treatment", new VariantCounts(2, 2, 0, 0, 0, 0, 0, 0));

        // when
        Lift lift = ResultsCalculation.of(experiment(HALVES), counts, Map.of(), null).variants().get(1).lift();

        // then
        assertThat(lift.pValue()).isGreaterThan(0.05);
        assertThat(lift.absoluteLow()).isGreaterThanOrEqualTo(-1).isNegative();
        assertThat(lift.absoluteHigh()).isPositive();
    }

    @Test
    void reportsVariantsWithoutImpressionsAsZero() {
        // given
        Map<String, VariantCounts> counts = Map.of("control", new VariantCounts(10, 10, 0, 0, 0, 0, 0, 0));

        // when
        ExperimentResults results = ResultsCalculation.of(experiment(HALVES), counts, Map.of(), null);

        // then
        VariantResult treatment = results.variants().get(1);
        assertThat(treatment.impressions()).isZero();
        assertThat(treatment.ctr()).isNull();
        assertThat(treatment.lift()).isNull();
    }

    @Test
    void flagsASampleRatioMismatch() {
        // given 5,200 / 4,800 users where 50 / 50 was expected: chi-square 16, p = 6.33e-5
        Map<String, VariantCounts> counts = Map.of("control", new VariantCounts(5200, 6000, 0, 0, 0, 0, 0, 0),
                "treatment", new VariantCounts(4800, 5500, 0, 0, 0, 0, 0, 0));

        // when
        SampleRatio check = ResultsCalculation.sampleRatio(HALVES, counts);

        // then
        assertThat(check.chiSquare()).isCloseTo(16, within(1e-9));
        assertThat(check.pValue()).isCloseTo(6.334248366623988e-05, within(1e-10));
        assertThat(check.mismatch()).isTrue();
    }

    @Test
    void acceptsASplitCloseToTheWeights() {
        // given 2,100 / 2,950 / 4,950 against 20 / 30 / 50: chi-square 6.3333, p = 0.0421
        List<Variant> variants = List.of(new Variant("a", 20, "popularity"), new Variant("b", 30, "popularity"),
                new Variant("c", 50, "popularity"));
        Map<String, VariantCounts> counts = Map.of("a", new VariantCounts(2100, 2100, 0, 0, 0, 0, 0, 0), "b",
                new VariantCounts(2950, 2950, 0, 0, 0, 0, 0, 0), "c",
                new VariantCounts(4950, 4950, 0, 0, 0, 0, 0, 0));

        // when
        SampleRatio check = ResultsCalculation.sampleRatio(variants, counts);

        // then
        assertThat(check.degreesOfFreedom()).isEqualTo(2);
        assertThat(check.pValue()).isCloseTo(0.042143843509276406, within(1e-9));
        assertThat(check.mismatch()).isFalse();
    }

    @Test
    void skipsTheSampleRatioCheckWithoutUsers() {
        // when
        SampleRatio check = ResultsCalculation.sampleRatio(HALVES, Map.of());

        // then
        assertThat(check).isNull();
    }

    @Test
    void flagsAVariantThatGotNoUsersAtAll() {
        // given 1,000 users, all in the control, where 50 / 50 was expected: chi-square 1,000
        Map<String, VariantCounts> counts = Map.of("control", new VariantCounts(1000, 1000, 0, 0, 0, 0, 0, 0));

        // when
        SampleRatio check = ResultsCalculation.sampleRatio(HALVES, counts);

        // then
        assertThat(check.chiSquare()).isCloseTo(1000, within(1e-9));
        assertThat(check.pValue()).isLessThan(1e-100);
        assertThat(check.mismatch()).isTrue();
    }

    @Test
    void flagsAThirdVariantWithoutUsersEvenWhenTheOthersSplitEvenly() {
        // given 5,000 / 5,000 / 0 users against 40 / 40 / 20
        List<Variant> variants = List.of(new Variant("a", 40, "popularity"), new Variant("b", 40, "popularity"),
                new Variant("c", 20, "popularity"));
        Map<String, VariantCounts> counts = Map.of("a", new VariantCounts(5000, 5000, 0, 0, 0, 0, 0, 0), "b",
                new VariantCounts(5000, 5000, 0, 0, 0, 0, 0, 0));

        // when
        SampleRatio check = ResultsCalculation.sampleRatio(variants, counts);

        // then: expected 4,000 / 4,000 / 2,000, so chi-square 250 + 250 + 2,000
        assertThat(check.chiSquare()).isCloseTo(2500, within(1e-9));
        assertThat(check.mismatch()).isTrue();
    }

    @Test
    void givesTheShareOfFallbackImpressionsAndTheAttributedOutcomes() {
        // given
        Map<String, VariantCounts> counts = Map.of("control", new VariantCounts(8, 10, 3, 4, 2, 5, 1, 1));

        // when
        ExperimentResults results = ResultsCalculation.of(experiment(HALVES), counts, Map.of(), null);

        // then
        VariantResult control = results.variants().get(0);
        assertThat(control.fallbackRate()).isCloseTo(0.3, within(1e-12));
        assertThat(control.opens()).isEqualTo(5);
        assertThat(control.finishes()).isEqualTo(1);
        assertThat(control.upgrades()).isEqualTo(1);
        assertThat(results.variants().get(1).fallbackRate()).isNull();
    }

    @Test
    void saysWhichVariantIsBetterWhenTheDifferenceIsSignificant() {
        // given 10 % against 13 % CTR on 1,000 impressions each: p = 0.035
        Map<String, VariantCounts> counts = Map.of("control", new VariantCounts(900, 1000, 0, 120, 100, 0, 0, 0),
                "treatment", new VariantCounts(910, 1000, 0, 150, 130, 0, 0, 0));

        // when
        ExperimentResults results = ResultsCalculation.of(experiment(HALVES), counts, Map.of(), null);

        // then
        assertThat(results.variants().get(0).verdict()).isNull();
        assertThat(results.variants().get(1).verdict())
            .isEqualTo("treatment is better than control: +30.0 % CTR, p = 0.035");
        assertThat(results.verdict()).isEqualTo(results.variants().get(1).verdict());
    }

    @Test
    void saysThereIsNoSignificantDifferenceYetAboveAlpha() {
        // given 10 % against 11 % on 1,000 impressions each
        Map<String, VariantCounts> counts = Map.of("control", new VariantCounts(900, 1000, 0, 100, 100, 0, 0, 0),
                "treatment", new VariantCounts(910, 1000, 0, 110, 110, 0, 0, 0));

        // when
        ExperimentResults results = ResultsCalculation.of(experiment(HALVES), counts, Map.of(), null);

        // then
        assertThat(results.verdict()).startsWith("no significant difference yet between treatment and control")
            .contains("+10.0 % CTR");
    }

    @Test
    void putsTheSampleRatioWarningFirstInTheVerdict() {
        // given every user in the control
        Map<String, VariantCounts> counts = Map.of("control", new VariantCounts(1000, 1000, 0, 0, 0, 0, 0, 0));

        // when
        ExperimentResults results = ResultsCalculation.of(experiment(HALVES), counts, Map.of(), null);

        // then
        assertThat(results.verdict()).startsWith("sample-ratio mismatch (p < 0.001)")
            .endsWith("treatment: not enough data yet (no impressions on one side)");
    }

    @Test
    void saysSoWhenNothingWasServedYet() {
        // when
        ExperimentResults results = ResultsCalculation.of(experiment(HALVES), Map.of(), Map.of(), null);

        // then
        assertThat(results.verdict()).isEqualTo("no impressions yet");
    }

    private static Experiment experiment(List<Variant> variants) {
        return new Experiment("home-ranking", "home", ExperimentStatus.RUNNING, 100, null, variants,
                Instant.parse("2026-12-04T10:00:00Z"), Instant.parse("2026-12-04T10:00:00Z"), null);
    }

}
