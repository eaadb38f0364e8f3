package io.curio.abtest.results;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import io.curio.abtest.results.ExperimentResults.Lift;
import io.curio.abtest.results.ExperimentResults.SampleRatio;
import io.curio.abtest.results.ExperimentResults.VariantResult;

/**
 * What the results say in plain words: a variant is better or worse than the control when the two-proportion
 * test rejects equal CTRs at {@value #ALPHA}, otherwise there is no significant difference yet.
 */
final class Verdict {

    static final double ALPHA = 0.05;

    private Verdict() {
    }

    /** How {@code variant} compares with {@code control}, e.g. "treatment is better than control: +31.0 % CTR". */
    static String ofVariant(String variant, String control, Lift lift) {
        if (lift == null) {
            return variant + ": not enough data yet (no impressions on one side)";
        }
        if (lift.pValue() == null || lift.pValue() >= ALPHA) {
            return "no significant difference yet between " + variant + " and " + control + " ("
                    + change(lift) + pValue(lift.pValue()) + ")";
        }
        String direction = (lift.absolute() > 0) ? " is better than " : " is worse than ";
        return variant + direction + control + ": " + change(lift) + pValue(lift.pValue());
    }

    /** The verdicts of every variant but the control, after a warning when the users did not split as planned. */
    static String ofExperiment(List<VariantResult> variants, SampleRatio sampleRatio) {
        if (variants.stream().allMatch((variant) -> variant.impressions() == 0)) {
            return "no impressions yet";
        }
        String comparisons = variants.stream()
            .map(VariantResult::verdict)
            .filter(Objects::nonNull)
            .collect(Collectors.joining("; "));
        if (sampleRatio != null && sampleRatio.mismatch()) {
            return "sample-ratio mismatch (p " + formatP(sampleRatio.pValue())
                    + "): users did not split as the weights say, so do not trust these results until the cause "
                    + "is found; " + comparisons;
        }
        return comparisons;
    }

    private static String change(Lift lift) {
        if (lift.relative() != null) {
            return String.format(Locale.ROOT, "%+.1f %% CTR", lift.relative() * 100);
        }
        return String.format(Locale.ROOT, "%+.2f points of CTR", lift.absolute() * 100);
    }

    private static String pValue(Double p) {
        return (p == null) ? "" : ", p " + formatP(p);
    }

    /** {@code "< 0.001"} or {@code "= 0.042"}. */
    static String formatP(double p) {
        return (p < 0.001) ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", p);
    }

}
