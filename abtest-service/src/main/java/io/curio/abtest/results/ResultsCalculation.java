package io.curio.abtest.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.curio.abtest.experiment.Experiment;
import io.curio.abtest.experiment.Variant;
import io.curio.abtest.results.ExperimentResults.Lift;
import io.curio.abtest.results.ExperimentResults.Rate;
import io.curio.abtest.results.ExperimentResults.SampleRatio;
import io.curio.abtest.results.ExperimentResults.ServedBy;
import io.curio.abtest.results.ExperimentResults.Timeline;
import io.curio.abtest.results.ExperimentResults.VariantResult;
import io.curio.abtest.results.Statistics.Interval;

/**
 * Turns the counts measured per variant into results: CTR with its interval, lift against the control, the
 * fallback rate, the sample-ratio check and the verdict.
 */
final class ResultsCalculation {

    /** A split this unlikely under the weights means assignment or logging is broken. */
    static final double SAMPLE_RATIO_THRESHOLD = 0.001;

    private ResultsCalculation() {
    }

    static ExperimentResults of(Experiment experiment, Map<String, VariantCounts> counts,
            Map<String, List<ServedBy>> servedBy, Timeline timeline) {
        VariantCounts control = counts.getOrDefault(experiment.control().name(), VariantCounts.NONE);
        List<VariantResult> variants = new ArrayList<>();
        for (int i = 0; i < experiment.variants().size(); i++) {
            Variant variant = experiment.variants().get(i);
            VariantCounts measured = counts.getOrDefault(variant.name(), VariantCounts.NONE);
            Lift lift = (i == 0) ? null : lift(measured, control);
            String verdict = (i == 0) ? null : Verdict.ofVariant(variant.name(), experiment.control().name(), lift);
            variants.add(new VariantResult(variant.name(), variant.weight(), variant.model(), measured.users(),
                    measured.impressions(), measured.clicks(), measured.clickedImpressions(), ctr(measured), lift,
                    fallbackRate(measured), measured.opens(), measured.finishes(), measured.upgrades(), verdict,
                    servedBy.getOrDefault(variant.name(), List.of())));
        }
        SampleRatio sampleRatio = sampleRatio(experiment.variants(), counts);
        return new ExperimentResults(experiment.key(), experiment.status().wireName(), variants, sampleRatio,
                experiment.startedAt(), Verdict.ofExperiment(variants, sampleRatio), timeline, experiment.stoppedAt(),
                experiment.winner());
    }

    static Rate ctr(VariantCounts counts) {
        return rate(counts.clickedImpressions(), counts.impressions());
    }

    /** {@code successes / trials} with its 95 % Wilson interval; {@code null} without trials. */
    static Rate rate(long successes, long trials) {
        if (trials == 0) {
            return null;
        }
        Interval interval = Statistics.wilson(successes, trials);
        return new Rate((double) successes / trials, interval.low(), interval.high());
    }

    static Double fallbackRate(VariantCounts counts) {
        return (counts.impressions() == 0) ? null : (double) counts.fallbacks() / counts.impressions();
    }

    static Lift lift(VariantCounts variant, VariantCounts control) {
        if (variant.impressions() == 0 || control.impressions() == 0) {
            return null;
        }
        double variantCtr = (double) variant.clickedImpressions() / variant.impressions();
        double controlCtr = (double) control.clickedImpressions() / control.impressions();
        Interval difference = Statistics.differenceInterval(variant.clickedImpressions(), variant.impressions(),
                control.clickedImpressions(), control.impressions());
        double pValue = Statistics.twoProportionPValue(variant.clickedImpressions(), variant.impressions(),
                control.clickedImpressions(), control.impressions());
        Double relative = (controlCtr == 0) ? null : (variantCtr - controlCtr) / controlCtr;
        return new Lift(variantCtr - controlCtr, difference.low(), difference.high(), relative,
                Double.isNaN(pValue) ? null : pValue);
    }

    /**
     * Pearson's chi-square of the users seen per variant against {@code total × weight / 100}, over every declared
     * variant (one without users adds its whole expectation), with {@code variants − 1} degrees of freedom.
     */
    static SampleRatio sampleRatio(List<Variant> variants, Map<String, VariantCounts> counts) {
        long total = variants.stream().mapToLong((v) -> counts.getOrDefault(v.name(), VariantCounts.NONE).users())
            .sum();
        if (total == 0) {
            return null;
        }
        double chiSquare = 0;
        for (Variant variant : variants) {
            double expected = total * variant.weight() / 100.0;
            double observed = counts.getOrDefault(variant.name(), VariantCounts.NONE).users();
            chiSquare += (observed - expected) * (observed - expected) / expected;
        }
        int degreesOfFreedom = variants.size() - 1;
        double pValue = Statistics.chiSquareUpperTail(chiSquare, degreesOfFreedom);
        return new SampleRatio(chiSquare, degreesOfFreedom, pValue, pValue < SAMPLE_RATIO_THRESHOLD,
                SAMPLE_RATIO_THRESHOLD);
    }

}
