package io.curio.abtest.results;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.curio.abtest.experiment.Variant;
import io.curio.abtest.results.ExperimentResults.Point;
import io.curio.abtest.results.ExperimentResults.Series;
import io.curio.abtest.results.ExperimentResults.Timeline;

/**
 * Cumulative CTR per variant at the end of each time bucket, with buckets as narrow as possible among 1 minute,
 * 5 minutes, 15 minutes, 1 hour, 6 hours, 1 day and 1 week while keeping at most {@value #MAX_POINTS} points
 * (whole days beyond that).
 */
final class TimelineCalculation {

    static final int MAX_POINTS = 60;

    private static final List<Duration> WIDTHS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(7));

    private TimelineCalculation() {
    }

    /** The narrowest bucket that covers {@code span} in at most {@value #MAX_POINTS} buckets. */
    static Duration bucketWidth(Duration span) {
        for (Duration width : WIDTHS) {
            if (buckets(span, width) <= MAX_POINTS) {
                return width;
            }
        }
        long days = span.toDays() / (MAX_POINTS - 1) + 1;
        return Duration.ofDays(days);
    }

    /** How many buckets of {@code width} from the start hold every instant up to {@code span} after it. */
    static int buckets(Duration span, Duration width) {
        return (int) Math.min(Integer.MAX_VALUE, span.toSeconds() / width.toSeconds() + 1);
    }

    static Timeline of(List<Variant> variants, Instant start, Instant end, List<Bucket> counts) {
        Duration width = bucketWidth(Duration.between(start, end));
        int buckets = buckets(Duration.between(start, end), width);
        List<Series> series = new ArrayList<>();
        for (Variant variant : variants) {
            series.add(series(variant.name(), start, end, width, buckets, counts));
        }
        return new Timeline(start, width.toSeconds(), series);
    }

    private static Series series(String variant, Instant start, Instant end, Duration width, int buckets,
            List<Bucket> counts) {
        long[] impressions = new long[buckets];
        long[] clicked = new long[buckets];
        for (Bucket bucket : counts) {
            if (bucket.variant().equals(variant)) {
                int index = (int) Math.max(0, Math.min(buckets - 1, bucket.index()));
                impressions[index] += bucket.impressions();
                clicked[index] += bucket.clickedImpressions();
            }
        }
        return new Series(variant, cumulativePoints(start, end, width, impressions, clicked));
    }

    private static List<Point> cumulativePoints(Instant start, Instant end, Duration width, long[] impressions,
            long[] clicked) {
        List<Point> points = new ArrayList<>();
        long shown = 0;
        long clickedSoFar = 0;
        for (int i = 0; i < impressions.length; i++) {
            shown += impressions[i];
            clickedSoFar += clicked[i];
            Instant bucketEnd = start.plus(width.multipliedBy(i + 1L));
            Instant at = bucketEnd.isAfter(end) ? end : bucketEnd;
            points.add(new Point(at, shown, clickedSoFar,
                    ResultsCalculation.rate(clickedSoFar, shown)));
        }
        return points;
    }

    /**
     * Impressions of one variant served in one bucket.
     *
     * @param variant the variant name
     * @param index the bucket, 0 for the first
     * @param impressions impressions served in it
     * @param clickedImpressions those of them clicked within their attribution window
     */
    record Bucket(String variant, long index, long impressions, long clickedImpressions) {
    }

}
