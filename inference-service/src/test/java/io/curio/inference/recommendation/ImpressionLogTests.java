package io.curio.inference.recommendation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.curio.events.EngagementEvent;
import io.curio.events.EventType;
import io.curio.inference.placement.CanaryRef;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ImpressionLogTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private static RecommendationList list() {
        return new RecommendationList("r1", "42", "home", new RecommendationList.ExperimentRef("exp", "treatment"),
                new RecommendationList.ModelRef("item-neighbours", "2026-12-04T10-00-00Z"), false,
                List.of(new RecommendationList.Item("258", "T", List.of("A"), 0.9f),
                        new RecommendationList.Item("7", null, List.of(), 0.1f)));
    }

    @Test
    void describesTheServedListInAnImpressionEvent() {
        ImpressionLog log = new ImpressionLog((event) -> {
        }, CLOCK, this.meters, 10);

        EngagementEvent impression = log.impressionOf(list(), "ios", null);

        assertThat(impression.type()).isEqualTo(EventType.IMPRESSION);
        assertThat(impression.userId()).isEqualTo("42");
        assertThat(impression.bookId()).isNull();
        assertThat(impression.requestId()).isEqualTo("r1");
        assertThat(impression.occurredAt()).isEqualTo(CLOCK.instant());
        assertThat(impression.platform()).isEqualTo("ios");
        assertThat(impression.properties()).containsExactly(entry("surface", "home"), entry("experiment", "exp"),
                entry("variant", "treatment"), entry("algorithm", "item-neighbours"),
                entry("modelVersion", "2026-12-04T10-00-00Z"), entry("bookIds", List.of("258", "7")),
                entry("degraded", false), entry("canary", null));
    }

    @Test
    void namesTheCanaryAndArmThatChoseTheModelVersion() {
        ImpressionLog log = new ImpressionLog((event) -> {
        }, CLOCK, this.meters, 10);

        EngagementEvent impression = log.impressionOf(list(), null, new CanaryRef("c1", "candidate"));

        assertThat(impression.platform()).isNull();
        assertThat(impression.properties()).containsEntry("canary", Map.of("id", "c1", "arm", "candidate"));
    }

    @Test
    void countsAFailedImpressionWithoutThrowing() throws InterruptedException {
        CountDownLatch attempted = new CountDownLatch(1);
        ImpressionLog log = new ImpressionLog((event) -> {
            attempted.countDown();
            throw new IllegalStateException("stream down");
        }, CLOCK, this.meters, 10);

        log.served(list(), null, null);

        assertThat(attempted.await(5, TimeUnit.SECONDS)).isTrue();
        log.destroy();
        assertThat(this.meters.counter("curio.inference.impressions.failed").count()).isEqualTo(1);
    }

}
