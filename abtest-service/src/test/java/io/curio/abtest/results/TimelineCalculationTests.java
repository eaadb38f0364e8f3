package io.curio.abtest.results;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.curio.abtest.experiment.Variant;
import io.curio.abtest.results.ExperimentResults.Point;
import io.curio.abtest.results.ExperimentResults.Timeline;
import io.curio.abtest.results.TimelineCalculation.Bucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TimelineCalculationTests {

    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");

    private static final List<Variant> HALVES = List.of(new Variant("control", 50, "popularity"),
            new Variant("treatment", 50, "item-neighbours"));

    @Test
    void picksTheNarrowestBucketThatKeepsAtMostSixtyPoints() {
        assertThat(TimelineCalculation.bucketWidth(Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(1));
        assertThat(TimelineCalculation.bucketWidth(Duration.ofMinutes(59))).isEqualTo(Duration.ofMinutes(1));
        assertThat(TimelineCalculation.bucketWidth(Duration.ofMinutes(60))).isEqualTo(Duration.ofMinutes(5));
        assertThat(TimelineCalculation.bucketWidth(Duration.ofHours(3))).isEqualTo(Duration.ofMinutes(5));
        assertThat(TimelineCalculation.bucketWidth(Duration.ofHours(12))).isEqualTo(Duration.ofMinutes(15));
        assertThat(TimelineCalculation.bucketWidth(Duration.ofDays(2))).isEqualTo(Duration.ofHours(1));
        assertThat(TimelineCalculation.bucketWidth(Duration.ofDays(14))).isEqualTo(Duration.ofHours(6));
        assertThat(TimelineCalculation.bucketWidth(Duration.ofDays(30))).isEqualTo(Duration.ofDays(1));
        assertThat(TimelineCalculation.bucketWidth(Duration.ofDays(365))).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void keepsAtMostSixtyPointsForAnySpan() {
        for (long minutes : new long[] { 0, 1, 59, 60, 299, 300, 5000, 100_000, 10_000_000 }) {
            Duration span = Duration.ofMinutes(minutes);
            assertThat(TimelineCalculation.buckets(span, TimelineCalculation.bucketWidth(span))).isBetween(1, 60);
        }
    }

    @Test
    void accumulatesImpressionsAndClicksBucketByBucket() {
        // given three minutes: control served in minutes 0 and 2, treatment only in minute 1
        List<Bucket> counts = List.of(new Bucket("control", 0, 10, 1), new Bucket("control", 2, 10, 3),
                new Bucket("treatment", 1, 4, 2));

        // when
        Timeline timeline = TimelineCalculation.of(HALVES, START, START.plusSeconds(150), counts);

        // then
        assertThat(timeline.bucketSeconds()).isEqualTo(60);
        List<Point> control = timeline.series().get(0).points();
        assertThat(control).extracting(Point::impressions).containsExactly(10L, 10L, 20L);
        assertThat(control).extracting(Point::clickedImpressions).containsExactly(1L, 1L, 4L);
        assertThat(control).extracting(Point::end).containsExactly(START.plusSeconds(60), START.plusSeconds(120),
                START.plusSeconds(150));
        assertThat(control.get(2).ctr().value()).isCloseTo(0.2, within(1e-12));
        assertThat(control.get(2).ctr().low()).isLessThan(0.2);
        List<Point> treatment = timeline.series().get(1).points();
        assertThat(treatment.get(0).ctr()).isNull();
        assertThat(treatment.get(2).ctr().value()).isCloseTo(0.5, within(1e-12));
    }

}
