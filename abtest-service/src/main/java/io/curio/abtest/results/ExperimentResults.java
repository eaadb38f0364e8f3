package io.curio.abtest.results;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /v1/experiments/{key}/results}.
 *
 * @param experiment the experiment key
 * @param status draft, running or stopped
 * @param variants per variant, in declared order; the first is the control
 * @param sampleRatio whether the users split as the weights say; {@code null} before any impression
 * @param started when the experiment started; {@code null} for a draft
 * @param verdict what the numbers say, in plain words
 * @param timeline cumulative CTR per variant over time; {@code null} before any impression
 * @param stopped when it was stopped; {@code null} unless stopped
 * @param winner the variant it was stopped with as the winner; {@code null} without one
 */
record ExperimentResults(String experiment, String status, List<VariantResult> variants, SampleRatio sampleRatio,
        Instant started, String verdict, Timeline timeline, Instant stopped, String winner) {

    ExperimentResults {
        variants = List.copyOf(variants);
    }

    /**
     * @param name variant name
     * @param weight its share of the users in percent
     * @param model its model
     * @param users distinct users with an impression
     * @param impressions served lists
     * @param clicks distinct (impression, book) clicks
     * @param clickedImpressions impressions with at least one click
     * @param ctr clicked impressions / impressions with its 95 % Wilson interval; {@code null} without impressions
     * @param lift against the control; {@code null} for the control and when either side has no impressions
     * @param fallbackRate share of impressions that were fallback lists; {@code null} without impressions
     * @param opens distinct (impression, book) opens
     * @param finishes distinct (impression, book) finishes
     * @param upgrades impressions followed by an upgrade
     * @param verdict how it compares with the control, in plain words; {@code null} for the control
     * @param servedBy the models that really served its impressions, most impressions first
     */
    record VariantResult(String name, int weight, String model, long users, long impressions, long clicks,
            long clickedImpressions, Rate ctr, Lift lift, Double fallbackRate, long opens, long finishes,
            long upgrades, String verdict, List<ServedBy> servedBy) {

        VariantResult {
            servedBy = List.copyOf(servedBy);
        }

        /** The impressions served by another model than the one the variant names. */
        List<ServedBy> servedByOthers() {
            return this.servedBy.stream().filter((served) -> !served.isModel(this.model)).toList();
        }

    }

    /**
     * A model that served impressions of a variant, as the impressions state it.
     *
     * @param algorithm the algorithm, or {@code null} when the impressions did not say
     * @param version its version, or {@code null} when the impressions did not say
     * @param impressions how many impressions it served
     */
    record ServedBy(String algorithm, String version, long impressions) {

        /** Whether it is the model {@code algorithm} (any version) or {@code algorithm@version}. */
        boolean isModel(String model) {
            int at = model.indexOf('@');
            String named = (at < 0) ? model : model.substring(0, at);
            return named.equals(this.algorithm) && (at < 0 || model.substring(at + 1).equals(this.version));
        }

        /** {@code algorithm@version} as a variant would name it. */
        String model() {
            return String.valueOf(this.algorithm) + ((this.version != null) ? "@" + this.version : "");
        }

    }

    /**
     * @param value the observed rate
     * @param low lower bound of its 95 % interval
     * @param high upper bound of its 95 % interval
     */
    record Rate(double value, double low, double high) {
    }

    /**
     * @param absolute CTR of the variant minus CTR of the control
     * @param absoluteLow lower bound of the 95 % interval of {@code absolute}
     * @param absoluteHigh upper bound of the 95 % interval of {@code absolute}
     * @param relative {@code absolute} / CTR of the control; {@code null} when the control's CTR is 0
     * @param pValue two-sided p-value of the two-proportion z-test; {@code null} when the test is undefined
     */
    record Lift(double absolute, double absoluteLow, double absoluteHigh, Double relative, Double pValue) {
    }

    /**
     * @param chiSquare the chi-square statistic of users per variant against the weights
     * @param degreesOfFreedom number of variants − 1
     * @param pValue its p-value
     * @param mismatch whether {@code pValue} is below the threshold
     * @param threshold the p-value below which the split is flagged
     */
    record SampleRatio(double chiSquare, int degreesOfFreedom, double pValue, boolean mismatch, double threshold) {
    }

    /**
     * @param start the start of the first bucket: when the experiment started, or its first impression if earlier
     * @param bucketSeconds the width of a bucket
     * @param series one per variant, in declared order
     */
    record Timeline(Instant start, long bucketSeconds, List<Series> series) {

        Timeline {
            series = List.copyOf(series);
        }

    }

    /**
     * @param variant the variant name
     * @param points one per bucket, in time order
     */
    record Series(String variant, List<Point> points) {

        Series {
            points = List.copyOf(points);
        }

    }

    /**
     * @param end the end of the bucket (the last one ends at the time of the answer or the stop)
     * @param impressions impressions served up to {@code end}
     * @param clickedImpressions those of them clicked within their attribution window
     * @param ctr their ratio with its 95 % Wilson interval; {@code null} without impressions
     */
    record Point(Instant end, long impressions, long clickedImpressions, Rate ctr) {
    }

}
