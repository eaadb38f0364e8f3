package io.curio.abtest.exposure;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.curio.abtest.AbtestDatabase;
import io.curio.abtest.AbtestIntegrationTest;
import io.curio.abtest.experiment.ExperimentAdministration;
import io.curio.events.DecodedEvent;
import io.curio.events.EngagementEvent;
import io.curio.events.EventCodec;
import io.curio.events.EventType;
import io.curio.events.stream.EventBatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExposureResultsIT extends AbtestIntegrationTest {

    private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    private final EventCodec codec = new EventCodec(Clock.fixed(AT, ZoneOffset.UTC));

    @Autowired
    private ExposureRecorder recorder;

    @Autowired
    private ExperimentAdministration administration;

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private MeterRegistry meters;

    private int sequence;

    @BeforeEach
    void createExperiment() {
        AbtestDatabase.empty(this.jdbc);
        HomeRanking.start(this.administration);
    }

    @Test
    void countsUsersImpressionsClicksAndClickedImpressionsPerVariant() {
        // given
        double clicksBefore = counted("curio.abtest.clicks");
        this.recorder.handle(batch(impression("i1", "r1", "u1", "control"), impression("i2", "r2", "u2", "control"),
                impression("i3", "r3", "u1", "control"), impression("i4", "r4", "u3", "treatment"),
                impression("i5", "r5", "u4", "treatment")));

        // when
        this.recorder.handle(batch(click("c1", "r1", "u1", "10"), click("c2", "r1", "u1", "11"),
                click("c3", "r1", "u1", "10"), click("c4", "r3", "u1", "12"), click("c5", "r4", "u3", "10")));

        // then
        MvcTestResult results = results();
        assertThat(results).hasStatusOk();
        assertThat(results).bodyJson().extractingPath("$.variants[*].users").isEqualTo(List.of(2, 2));
        assertThat(results).bodyJson().extractingPath("$.variants[*].impressions").isEqualTo(List.of(3, 2));
        assertThat(results).bodyJson().extractingPath("$.variants[*].clicks").isEqualTo(List.of(3, 1));
        assertThat(results).bodyJson().extractingPath("$.variants[*].clickedImpressions").isEqualTo(List.of(2, 1));
        assertThat(results).bodyJson().extractingPath("$.variants[0].ctr.value").asNumber().satisfies(
                (ctr) -> assertThat(ctr.doubleValue()).isCloseTo(2.0 / 3, within(1e-12)));
        assertThat(results).bodyJson().extractingPath("$.variants[0].lift").isNull();
        assertThat(results).bodyJson().extractingPath("$.variants[1].lift.absolute").asNumber().satisfies(
                (lift) -> assertThat(lift.doubleValue()).isCloseTo(0.5 - 2.0 / 3, within(1e-12)));
        assertThat(results).bodyJson().extractingPath("$.sampleRatio.mismatch").isEqualTo(false);
        assertThat(counted("curio.abtest.clicks") - clicksBefore).isEqualTo(4);
    }

    @Test
    void changesNothingWhenABatchIsHandedOverAgain() throws Exception {
        // given
        EventBatch impressions = batch(impression("i1", "r1", "u1", "control"),
                impression("i2", "r2", "u2", "treatment"));
        EventBatch clicks = batch(click("c1", "r1", "u1", "10"), click("c2", "r2", "u2", "11"));
        this.recorder.handle(impressions);
        this.recorder.handle(clicks);
        String before = results().getResponse().getContentAsString();
        double impressionsCounted = counted("curio.abtest.impressions");
        double clicksCounted = counted("curio.abtest.clicks");

        // when
        this.recorder.handle(impressions);
        this.recorder.handle(clicks);

        // then
        assertThat(impressionsCounted).isGreaterThanOrEqualTo(2);
        assertThat(clicksCounted).isGreaterThanOrEqualTo(2);
        assertThat(results().getResponse().getContentAsString()).isEqualTo(before);
        assertThat(AbtestDatabase.count(this.jdbc, "impression")).isEqualTo(2);
        assertThat(AbtestDatabase.count(this.jdbc, "click")).isEqualTo(2);
        assertThat(counted("curio.abtest.impressions")).isEqualTo(impressionsCounted);
        assertThat(counted("curio.abtest.clicks")).isEqualTo(clicksCounted);
    }

    @Test
    void ignoresImpressionsOutsideADeclaredVariantAndClicksWithoutARequest() {
        // when
        this.recorder.handle(batch(impression("i1", "r1", "u1", "no-such-variant"),
                event("i2", EventType.IMPRESSION, "u2", null, "r2", Map.of("surface", "home")),
                event("c1", EventType.CLICK, "u1", "10", null, Map.of()),
                event("o1", EventType.OPEN, "u1", "10", "r1", Map.of())));

        // then
        assertThat(AbtestDatabase.count(this.jdbc, "impression")).isZero();
        assertThat(AbtestDatabase.count(this.jdbc, "click")).isZero();
    }

    @Test
    void skipsRecordsThatFailedDecoding() {
        // given
        EventBatch.Record invalid = new EventBatch.Record("1", new byte[] { '{' },
                new DecodedEvent.Invalid("invalid JSON"));
        EventBatch batch = new EventBatch("shardId-000000000000", "1", AT, List.of(invalid,
                record(impression("i1", "r1", "u1", "control"))));

        // when
        this.recorder.handle(batch);

        // then
        assertThat(AbtestDatabase.count(this.jdbc, "impression")).isEqualTo(1);
    }

    private MvcTestResult results() {
        return this.mvc.get()
            .uri("/v1/experiments/home-ranking/results")
            .header("X-User-Id", "admin-7")
            .header("X-User-Scopes", "experiments:admin")
            .exchange();
    }

    private double counted(String name) {
        return this.meters.find(name).counters().stream().mapToDouble((counter) -> counter.count()).sum();
    }

    private EngagementEvent impression(String eventId, String requestId, String userId, String variant) {
        return event(eventId, EventType.IMPRESSION, userId, null, requestId,
                Map.of("surface", "home", "experiment", "home-ranking", "variant", variant, "bookIds",
                        List.of("10", "11", "12")));
    }

    private EngagementEvent click(String eventId, String requestId, String userId, String bookId) {
        return event(eventId, EventType.CLICK, userId, bookId, requestId, Map.of());
    }

    private static EngagementEvent event(String eventId, EventType type, String userId, String bookId,
            String requestId, Map<String, Object> properties) {
        return new EngagementEvent(eventId, type, userId, bookId, AT, requestId, null, "ios", properties);
    }

    private EventBatch batch(EngagementEvent... events) {
        List<EventBatch.Record> records = new ArrayList<>();
        for (EngagementEvent event : events) {
            records.add(record(event));
        }
        return new EventBatch("shardId-000000000000", records.get(0).sequenceNumber(), AT, records);
    }

    private EventBatch.Record record(EngagementEvent event) {
        this.sequence++;
        return new EventBatch.Record(Integer.toString(this.sequence), this.codec.encode(event),
                new DecodedEvent.Valid(event));
    }

}
