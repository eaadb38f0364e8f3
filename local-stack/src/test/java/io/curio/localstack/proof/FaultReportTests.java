package io.curio.localstack.proof;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FaultReportTests {

    private static final Instant START = Instant.parse("2026-12-04T19:00:00Z");

    private static final FaultReport.Plan PLAN = new FaultReport.Plan("run1", START, 3, 10, 2);

    private static final List<Crashes.Kill> KILLS = List.of(
            new Crashes.Kill("ingestion", 11, START.plusSeconds(1), START.plusSeconds(15)),
            new Crashes.Kill("feature", 12, START.plusSeconds(2), START.plusSeconds(16)));

    private static final Delivery.Outcome DELIVERED = new Delivery.Outcome(3, Set.of("f-0", "f-1", "f-2"), 2, 4, 0,
            Duration.ofSeconds(3));

    @Test
    void passesWhenHubAndFeatureStoreHoldEveryAcceptedIdAndNothingElse() {
        FaultReport.Found found = new FaultReport.Found(2, Map.of("f-0", 1, "f-1", 2, "f-2", 1),
                List.of("f-0", "f-1", "f-2"));

        FaultReport report = FaultReport.of(PLAN, DELIVERED, found, KILLS, Duration.ofSeconds(9));

        assertThat(report.passed()).isTrue();
        assertThat(report.hubDistinct()).isEqualTo(3);
        assertThat(report.hubDuplicates()).isEqualTo(1);
        assertThat(report.acceptedThroughGateway()).isEqualTo(2);
        assertThat(report.acceptedOnStream()).isEqualTo(1);
    }

    @Test
    void failsAndNamesAnAcceptedIdMissingFromTheHub() {
        FaultReport.Found found = new FaultReport.Found(1, Map.of("f-0", 1, "f-2", 1), List.of("f-0", "f-1", "f-2"));

        FaultReport report = FaultReport.of(PLAN, DELIVERED, found, KILLS, Duration.ofSeconds(9));

        assertThat(report.passed()).isFalse();
        assertThat(report.missing()).isEqualTo(1);
        assertThat(report.missingFirst()).containsExactly("f-1");
    }

    @Test
    void failsOnAnIdInTheHubThatNoAnswerAccepted() {
        FaultReport.Found found = new FaultReport.Found(1, Map.of("f-0", 1, "f-1", 1, "f-2", 1, "f-9", 1),
                List.of("f-0", "f-1", "f-2"));

        FaultReport report = FaultReport.of(PLAN, DELIVERED, found, KILLS, Duration.ofSeconds(9));

        assertThat(report.passed()).isFalse();
        assertThat(report.unknownFirst()).containsExactly("f-9");
    }

    @Test
    void failsWhenTheFeatureStoreLacksAnAcceptedId() {
        FaultReport.Found found = new FaultReport.Found(1, Map.of("f-0", 1, "f-1", 1, "f-2", 1), List.of("f-0", "f-1"));

        FaultReport report = FaultReport.of(PLAN, DELIVERED, found, KILLS, Duration.ofSeconds(9));

        assertThat(report.passed()).isFalse();
        assertThat(report.featureRows()).isEqualTo(2);
        assertThat(report.featureMissingFirst()).containsExactly("f-2");
    }

    @Test
    void failsWhenAPlannedKillDidNotHappen() {
        FaultReport.Found found = new FaultReport.Found(1, Map.of("f-0", 1, "f-1", 1, "f-2", 1),
                List.of("f-0", "f-1", "f-2"));

        FaultReport report = FaultReport.of(PLAN, DELIVERED, found, KILLS.subList(0, 1), Duration.ofSeconds(9));

        assertThat(report.passed()).isFalse();
    }

}
