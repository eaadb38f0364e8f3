package io.curio.localstack.simulation;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Prints the experiment's results: per variant users, impressions, CTR with its interval, lift and p-value; then
 * the winner and whether the offline metrics agree.
 */
final class ResultsSummary {

    private final PrintStream out;

    ResultsSummary(PrintStream out) {
        this.out = out;
    }

    void print(JsonNode results, List<Verdict.Arm> arms, Map<String, Double> recall, Verdict verdict) {
        this.out.println("experiment " + results.path("experiment").asString() + " ("
                + results.path("status").asString() + "):");
        for (JsonNode variant : results.path("variants")) {
            this.out.println("  " + variantLine(variant, recall));
        }
        JsonNode ratio = results.path("sampleRatio");
        if (ratio.isObject()) {
            this.out.printf(Locale.ROOT, "  sample ratio: chi-square %.2f, p %.3f%s%n",
                    ratio.path("chiSquare").asDouble(), ratio.path("pValue").asDouble(),
                    ratio.path("mismatch").asBoolean() ? ", MISMATCH" : "");
        }
        this.out.println(verdictLine(verdict, arms.size()));
    }

    static String variantLine(JsonNode variant, Map<String, Double> recall) {
        String model = variant.path("model").asString();
        String line = String.format(Locale.ROOT, "%-10s %-16s users %,6d  impressions %,7d  clicked %,6d  CTR %s",
                variant.path("name").asString(), model, variant.path("users").asLong(),
                variant.path("impressions").asLong(), variant.path("clickedImpressions").asLong(),
                rate(variant.path("ctr")));
        JsonNode lift = variant.path("lift");
        if (lift.isObject()) {
            line += String.format(Locale.ROOT, "  lift %+.4f [%+.4f, %+.4f]%s, p %s", lift.path("absolute").asDouble(),
                    lift.path("absoluteLow").asDouble(), lift.path("absoluteHigh").asDouble(),
                    lift.path("relative").isNumber() ? String.format(Locale.ROOT, " (%+.1f %%)",
                            lift.path("relative").asDouble() * 100) : "",
                    lift.path("pValue").isNumber() ? String.format(Locale.ROOT, "%.2g", lift.path("pValue").asDouble())
                            : "n/a");
        }
        Double offline = recall.get(model);
        return (offline != null) ? line + String.format(Locale.ROOT, "  offline Recall@20 %.3f", offline) : line;
    }

    static String verdictLine(Verdict verdict, int variants) {
        String winner = (verdict.winner() != null)
                ? "winner: " + verdict.winner() + " (significant at " + Verdict.ALPHA + ")"
                : "winner: none yet, no difference among the " + variants + " variants is significant";
        if (verdict.offlineBest() == null) {
            return winner + "; offline ranking unknown (a served model has no " + ResultsPage.RECALL + ")";
        }
        if (verdict.winner() == null) {
            return winner + "; offline metrics favour " + verdict.offlineBest()
                    + ": run longer (--minutes) for the live test to decide";
        }
        return winner + "; offline metrics favour " + verdict.offlineBest() + ": "
                + (verdict.agrees() ? "they agree" : "they do NOT agree");
    }

    private static String rate(JsonNode ctr) {
        if (!ctr.isObject()) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", ctr.path("value").asDouble(),
                ctr.path("low").asDouble(), ctr.path("high").asDouble());
    }

}
