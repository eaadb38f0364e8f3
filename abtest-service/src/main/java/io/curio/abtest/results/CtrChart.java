package io.curio.abtest.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.curio.abtest.results.ExperimentResults.Point;
import io.curio.abtest.results.ExperimentResults.Series;
import io.curio.abtest.results.ExperimentResults.Timeline;

/**
 * An inline SVG line chart of the cumulative CTR of every variant over time, each line inside a band of its
 * 95 % interval, with a legend. Variant names are escaped; nothing else in it comes from outside.
 */
final class CtrChart {

    /** One distinct colour per variant, for the most variants an experiment may have (16). */
    static final List<String> COLOURS = List.of("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
            "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#000080", "#808000", "#00ff7f", "#ff00ff", "#8b0000",
            "#00bfff");

    /** Candidate distances between two y-axis ticks, as shares: 0.1 %, 0.2 %, 0.25 %, 0.5 %, 1 %, … 25 %. */
    private static final double[] TICK_STEPS = { 0.001, 0.002, 0.0025, 0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2,
        0.25 };

    private static final int MAX_TICK_INTERVALS = 5;

    private static final int WIDTH = 720;

    /** The height with one row of legend; every further row adds {@link #LEGEND_ROW}. */
    private static final int HEIGHT = 300;

    private static final int LEGEND_ROW = 18;

    private static final int LEFT = 60;

    private static final int RIGHT = 20;

    private static final int TOP = 15;

    private static final int BOTTOM = 60;

    private final Timeline timeline;

    private final Instant end;

    private final double step;

    private final double top;

    private final List<LegendEntry> legend;

    private CtrChart(Timeline timeline) {
        this.timeline = timeline;
        this.end = timeline.series().get(0).points().get(timeline.series().get(0).points().size() - 1).end();
        double highest = timeline.series().stream().flatMap((series) -> series.points().stream())
            .filter((point) -> point.ctr() != null)
            .mapToDouble((point) -> point.ctr().high())
            .max()
            .orElse(0);
        this.step = tickStep(highest);
        this.top = niceTop(highest, this.step);
        this.legend = legendLayout(timeline.series().stream().map(Series::variant).toList());
    }

    static String svg(Timeline timeline) {
        return new CtrChart(timeline).draw();
    }

    private String draw() {
        StringBuilder svg = new StringBuilder();
        int height = height(this.legend);
        svg.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"CTR per variant over time\">%n", WIDTH, height,
                WIDTH, height));
        axes(svg);
        for (int i = 0; i < this.timeline.series().size(); i++) {
            series(svg, this.timeline.series().get(i), COLOURS.get(i % COLOURS.size()));
        }
        legend(svg);
        return svg.append("</svg>\n").toString();
    }

    private void axes(StringBuilder svg) {
        int bottom = HEIGHT - BOTTOM;
        svg.append(line(LEFT, TOP, LEFT, bottom)).append(line(LEFT, bottom, WIDTH - RIGHT, bottom));
        long intervals = Math.round(this.top / this.step);
        for (long tick = 0; tick <= intervals; tick++) {
            double value = this.step * tick;
            double y = y(value);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                    + "stroke=\"#e0e0e0\"/>%n", LEFT, y, WIDTH - RIGHT, y));
            svg.append(text(LEFT - 6, y + 4, "end", percent(value)));
        }
        svg.append(text(LEFT, bottom + 18, "start", ResultsPage.time(this.timeline.start())));
        svg.append(text(WIDTH - RIGHT, bottom + 18, "end", ResultsPage.time(this.end)));
    }

    private void series(StringBuilder svg, Series series, String colour) {
        List<Point> points = series.points().stream().filter((point) -> point.ctr() != null).toList();
        if (points.isEmpty()) {
            return;
        }
        List<String> band = new ArrayList<>();
        points.forEach((point) -> band.add(xy(point.end(), point.ctr().high())));
        for (int i = points.size() - 1; i >= 0; i--) {
            band.add(xy(points.get(i).end(), points.get(i).ctr().low()));
        }
        svg.append("<polygon fill=\"").append(colour).append("\" fill-opacity=\"0.15\" stroke=\"none\" points=\"")
            .append(String.join(" ", band)).append("\"/>\n");
        svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
            .append(String.join(" ", points.stream().map((point) -> xy(point.end(), point.ctr().value())).toList()))
            .append("\"/>\n");
        for (Point point : points) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>%n",
                    x(point.end()), y(point.ctr().value()), colour));
        }
    }

    private void legend(StringBuilder svg) {
        for (int i = 0; i < this.legend.size(); i++) {
            LegendEntry entry = this.legend.get(i);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                    entry.x(), entry.y() - 10, COLOURS.get(i % COLOURS.size())));
            svg.append(text(entry.x() + 16, entry.y(), "start", entry.name()));
        }
    }

    /** Where each variant's legend entry goes: left to right, on a new row when the next would not fit. */
    static List<LegendEntry> legendLayout(List<String> names) {
        List<LegendEntry> entries = new ArrayList<>();
        int x = LEFT;
        int y = HEIGHT - LEGEND_ROW;
        for (String name : names) {
            int width = 30 + 8 * name.length();
            if (x > LEFT && x + width - 8 > WIDTH - RIGHT) {
                x = LEFT;
                y += LEGEND_ROW;
            }
            entries.add(new LegendEntry(name, x, y));
            x += width;
        }
        return entries;
    }

    /** The height of the chart: one legend row fits {@link #HEIGHT}, each further one adds a row. */
    static int height(List<LegendEntry> legend) {
        int lastRow = legend.isEmpty() ? HEIGHT - LEGEND_ROW : legend.get(legend.size() - 1).y();
        return lastRow + LEGEND_ROW;
    }

    private double x(Instant at) {
        long span = Duration.between(this.timeline.start(), this.end).toMillis();
        double share = (span == 0) ? 0 : (double) Duration.between(this.timeline.start(), at).toMillis() / span;
        return LEFT + share * (WIDTH - LEFT - RIGHT);
    }

    private double y(double value) {
        return HEIGHT - BOTTOM - value / this.top * (HEIGHT - BOTTOM - TOP);
    }

    private String xy(Instant at, double value) {
        return String.format(Locale.ROOT, "%.1f,%.1f", x(at), y(value));
    }

    private static String line(int x1, int y1, int x2, int y2) {
        return String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n", x1,
                y1, x2, y2);
    }

    private static String text(double x, double y, String anchor, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"12\">%s</text>%n",
                x, y, anchor, ResultsPage.escape(content));
    }

    /** The smallest round tick distance that spans {@code highest} in at most five intervals. */
    static double tickStep(double highest) {
        for (double candidate : TICK_STEPS) {
            if (Math.ceil(highest / candidate - 1e-9) <= MAX_TICK_INTERVALS) {
                return candidate;
            }
        }
        return TICK_STEPS[TICK_STEPS.length - 1];
    }

    /** The axis top: the highest interval bound rounded up to a whole tick, at least one tick. */
    static double niceTop(double highest, double step) {
        return Math.max(1, Math.ceil(highest / step - 1e-9)) * step;
    }

    /** A share as a percentage without needless decimals: "0 %", "2.5 %", "0.25 %". */
    static String percent(double share) {
        return BigDecimal.valueOf(share * 100).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                + " %";
    }

    /**
     * A variant's place in the legend.
     *
     * @param name the variant
     * @param x the left edge of its colour box
     * @param y the baseline of its name
     */
    record LegendEntry(String name, int x, int y) {
    }

}
