package io.curio.abtest.results;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.curio.abtest.results.ExperimentResults.Lift;
import io.curio.abtest.results.ExperimentResults.Rate;
import io.curio.abtest.results.ExperimentResults.SampleRatio;
import io.curio.abtest.results.ExperimentResults.ServedBy;
import io.curio.abtest.results.ExperimentResults.VariantResult;

/**
 * The results as a small self-contained HTML page for people: the verdict, a table per variant, the
 * sample-ratio check with a warning on mismatch, and a chart of CTR over time. No scripts and no external
 * resources; every text taken from the results is escaped.
 */
final class ResultsPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
        .withZone(ZoneOffset.UTC);

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:60em}
            table{border-collapse:collapse;margin:1em 0}
            th,td{border:1px solid #ccc;padding:.35em .7em;text-align:right}
            th:first-child,td:first-child{text-align:left}
            .verdict{font-size:1.2em;font-weight:600}
            .warning{background:#fdecea;border:2px solid #d62728;padding:.7em;color:#8a1c1c;font-weight:600}
            .ok{color:#2a6f2a}
            """;

    private ResultsPage() {
    }

    static String render(ExperimentResults results) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .append("<title>Experiment ").append(escape(results.experiment())).append("</title>")
            .append("<style>").append(STYLE).append("</style></head><body>\n");
        summary(html, results);
        variants(html, results);
        sampleRatio(html, results.sampleRatio());
        chart(html, results);
        return html.append("</body></html>\n").toString();
    }

    private static void summary(StringBuilder html, ExperimentResults results) {
        html.append("<h1>Experiment ").append(escape(results.experiment())).append("</h1>\n<p>Status: <b>")
            .append(escape(results.status())).append("</b> · started: ")
            .append(escape((results.started() != null) ? time(results.started()) : "not yet")).append("</p>\n");
        if (results.stopped() != null) {
            html.append("<p>Stopped ").append(escape(time(results.stopped()))).append(" · ")
                .append(escape(outcome(results))).append("</p>\n");
        }
        html.append("<p class=\"verdict\">").append(escape(results.verdict())).append("</p>\n");
    }

    private static void variants(StringBuilder html, ExperimentResults results) {
        html.append("<table>\n<tr><th>variant</th><th>model</th><th>weight</th><th>users</th><th>impressions</th>")
            .append("<th>CTR (95 % interval)</th><th>lift vs control (95 % interval)</th><th>p-value</th>")
            .append("<th>fallback rate</th></tr>\n");
        for (VariantResult variant : results.variants()) {
            html.append("<tr>");
            cells(html, variant.name(), variant.model(), variant.weight() + " %", Long.toString(variant.users()),
                    Long.toString(variant.impressions()), rate(variant.ctr()), lift(variant.lift()),
                    pValue(variant.lift()), share(variant.fallbackRate()));
            html.append("</tr>\n");
        }
        html.append("</table>\n<p>CTR is the share of served lists with at least one click inside the attribution ")
            .append("window; control is the first variant.</p>\n");
        results.variants().forEach((variant) -> servedByOthers(html, variant));
    }

    /** A line for a variant some of whose impressions another model than the one it names served. */
    private static void servedByOthers(StringBuilder html, VariantResult variant) {
        List<ServedBy> others = variant.servedByOthers();
        if (others.isEmpty()) {
            return;
        }
        String models = others.stream()
            .map((served) -> served.model() + " (" + served.impressions() + " impressions)")
            .collect(Collectors.joining(", "));
        html.append("<p class=\"warning\">⚠ ").append(escape(variant.name())).append(" names ")
            .append(escape(variant.model())).append(" but was also served by ").append(escape(models))
            .append(".</p>\n");
    }

    private static void sampleRatio(StringBuilder html, SampleRatio check) {
        if (check == null) {
            html.append("<p>Sample-ratio check: no users yet.</p>\n");
            return;
        }
        String numbers = String.format(Locale.ROOT, "χ² = %.2f, %d %s, p %s", check.chiSquare(),
                check.degreesOfFreedom(), (check.degreesOfFreedom() == 1) ? "degree of freedom" : "degrees of freedom",
                Verdict.formatP(check.pValue()));
        if (check.mismatch()) {
            html.append("<p class=\"warning\">⚠ Sample-ratio mismatch: users did not split as the weights say (")
                .append(escape(numbers)).append("). Do not trust these results until the cause is found.</p>\n");
        }
        else {
            html.append("<p class=\"ok\">Sample-ratio check passed: ").append(escape(numbers)).append(".</p>\n");
        }
    }

    private static void chart(StringBuilder html, ExperimentResults results) {
        html.append("<h2>CTR per variant over time</h2>\n");
        if (results.timeline() == null) {
            html.append("<p>No impressions yet.</p>\n");
            return;
        }
        html.append("<p>Cumulative CTR at the end of each ").append(period(results.timeline().bucketSeconds()))
            .append("; the shaded band is its 95 % interval.</p>\n")
            .append(CtrChart.svg(results.timeline()));
    }

    private static void cells(StringBuilder html, String... values) {
        for (String value : values) {
            html.append("<td>").append(escape(value)).append("</td>");
        }
    }

    /** What a stopped experiment left on its surface. */
    private static String outcome(ExperimentResults results) {
        if (results.winner() == null) {
            return "no winner: back to the default model";
        }
        String model = results.variants().stream().filter((variant) -> variant.name().equals(results.winner()))
            .map(VariantResult::model)
            .findFirst()
            .orElse("?");
        return "winner: " + results.winner() + " (" + model + ")";
    }

    private static String rate(Rate rate) {
        return (rate == null) ? "–" : String.format(Locale.ROOT, "%.2f %% (%.2f – %.2f %%)", rate.value() * 100,
                rate.low() * 100, rate.high() * 100);
    }

    private static String lift(Lift lift) {
        if (lift == null) {
            return "–";
        }
        String relative = (lift.relative() == null) ? ""
                : String.format(Locale.ROOT, ", %+.1f %%", lift.relative() * 100);
        return String.format(Locale.ROOT, "%+.2f points (%+.2f to %+.2f)%s", lift.absolute() * 100,
                lift.absoluteLow() * 100, lift.absoluteHigh() * 100, relative);
    }

    private static String pValue(Lift lift) {
        return (lift == null || lift.pValue() == null) ? "–" : Verdict.formatP(lift.pValue()).replace("= ", "");
    }

    private static String share(Double share) {
        return (share == null) ? "–" : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    /** A bucket width in words: "minute", "5 minutes", "hour", "day", "7 days". */
    static String period(long seconds) {
        long[] sizes = { 86_400, 3_600, 60 };
        String[] units = { "day", "hour", "minute" };
        for (int i = 0; i < sizes.length; i++) {
            if (seconds % sizes[i] == 0) {
                long count = seconds / sizes[i];
                return (count == 1) ? units[i] : count + " " + units[i] + "s";
            }
        }
        return seconds + " seconds";
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** The text with {@code & < > " '} replaced by character references, safe in element content and attributes. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

}
