package io.curio.abtest.results;

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

    static final List<String> COLOURS = List.of("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
            "#e377c2", "#7f7f7f", "#bcbd22", "#17becf");

    private static final int WIDTH = 720;

    private static final int HEIGHT = 300;

    private static final int LEFT = 60;

    private static final int RIGHT = 20;

    private static final int TOP = 15;

    private static final int BOTTOM = 60;

    private final Timeline timeline;

    private final Instant end;

    private final double top;

    private CtrChart(Timeline timeline) {
        this.timeline = timeline;
        this.end = timeline.series().get(0).points().get(timeline.series().get(0).points().size() - 1).end();
        this.top = niceTop(timeline.series().stream().flatMap((series) -> series.points().stream())
            .filter((point) -> point.ctr() != null)
            .mapToDouble((point) -> point.ctr().high())
            .max()
            .orElse(0));
    }

    static String svg(Timeline timeline) {
        return new CtrChart(timeline).draw();
    }

    private String draw() {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"CTR per variant over time\">%n", WIDTH, HEIGHT,
                WIDTH, HEIGHT));
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
        for (int tick = 0; tick <= 4; tick++) {
            double value = this.top * tick / 4;
            double y = y(value);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                    + "stroke=\"#e0e0e0\"/>%n", LEFT, y, WIDTH - RIGHT, y));
            svg.append(text(LEFT - 6, y + 4, "end", String.format(Locale.ROOT, "%.1f %%", value * 100)));
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
        int x = LEFT;
        int y = HEIGHT - 18;
        for (int i = 0; i < this.timeline.series().size(); i++) {
            String name = this.timeline.series().get(i).variant();
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                    x, y - 10, COLOURS.get(i % COLOURS.size())));
            svg.append(text(x + 16, y, "start", name));
            x += 30 + 8 * name.length();
        }
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

    /** The axis top: the highest interval bound rounded up to a whole percent, at least 1 %. */
    static double niceTop(double highest) {
        return Math.max(0.01, Math.ceil(highest * 100) / 100);
    }

}
