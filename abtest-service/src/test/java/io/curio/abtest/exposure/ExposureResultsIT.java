package io.curio.abtest.exposure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.curio.abtest.AbtestDatabase;
import io.curio.abtest.AbtestIntegrationTest;
import io.curio.abtest.experiment.ExperimentAdministration;
import io.curio.assignment.ImpressionSignature;
import io.curio.events.DecodedEvent;
import io.curio.events.EngagementEvent;
import io.curio.events.EventType;
import io.curio.events.stream.EventBatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What the recorder keeps from event batches and what the results (JSON and HTML) make of it, against the real
 * database. Outcomes count for their impression only inside the attribution window: 30 minutes, with one minute
 * of clock skew.
 */
class ExposureResultsIT extends AbtestIntegrationTest {

    private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    private final EventBatches batches = new EventBatches(AT);

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
        Object before = measured(results());
        double impressionsCounted = counted("curio.abtest.impressions");
        double clicksCounted = counted("curio.abtest.clicks");

        // when
        this.recorder.handle(impressions);
        this.recorder.handle(clicks);

        // then
        assertThat(impressionsCounted).isGreaterThanOrEqualTo(2);
        assertThat(clicksCounted).isGreaterThanOrEqualTo(2);
        assertThat(measured(results())).isEqualTo(before);
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
        EventBatch batch = this.batches.of(List.of(invalid, this.batches.record(impression("i1", "r1", "u1",
                "control"))));

        // when
        this.recorder.handle(batch);

        // then
        assertThat(AbtestDatabase.count(this.jdbc, "impression")).isEqualTo(1);
    }

    @Test
    void countsOutcomesOnlyFromTheSkewBeforeTheImpressionToTheEndOfTheWindow() {
        // given
        this.recorder.handle(batch(impression("i1", "r1", "u1", "control", false),
                impression("i2", "r2", "u2", "control", false), impression("i3", "r3", "u3", "control", false)));

        // when: r1 clicked at the end of the window, r2 one second after it, r3 61 seconds before it was shown
        this.recorder.handle(batch(outcome("c1", EventType.CLICK, "r1", "u1", "10", Duration.ofMinutes(30)),
                outcome("c2", EventType.CLICK, "r2", "u2", "10", Duration.ofMinutes(30).plusSeconds(1)),
                outcome("c3", EventType.CLICK, "r3", "u3", "10", Duration.ofSeconds(-61)),
                outcome("c4", EventType.CLICK, "r3", "u3", "11", Duration.ofSeconds(-60))));

        // then
        MvcTestResult results = json();
        assertThat(results).bodyJson().extractingPath("$.variants[0].clicks").isEqualTo(2);
        assertThat(results).bodyJson().extractingPath("$.variants[0].clickedImpressions").isEqualTo(2);
        assertThat(AbtestDatabase.count(this.jdbc, "click")).isEqualTo(4);
    }

    @Test
    void countsEachOpenFinishAndUpgradeOncePerImpression() {
        // given
        this.recorder.handle(batch(impression("i1", "r1", "u1", "treatment", false)));

        // when
        this.recorder.handle(batch(outcome("o1", EventType.OPEN, "r1", "u1", "10", Duration.ofMinutes(1)),
                outcome("o2", EventType.OPEN, "r1", "u1", "10", Duration.ofMinutes(2)),
                outcome("o3", EventType.OPEN, "r1", "u1", "11", Duration.ofMinutes(2)),
                outcome("f1", EventType.FINISH, "r1", "u1", "10", Duration.ofMinutes(20)),
                outcome("f2", EventType.FINISH, "r1", "u1", "11", Duration.ofHours(2)),
                outcome("u1", EventType.UPGRADE, "r1", "u1", null, Duration.ofMinutes(5)),
                outcome("u2", EventType.UPGRADE, "r1", "u1", null, Duration.ofMinutes(6))));

        // then
        MvcTestResult results = json();
        assertThat(results).bodyJson().extractingPath("$.variants[1].opens").isEqualTo(2);
        assertThat(results).bodyJson().extractingPath("$.variants[1].finishes").isEqualTo(1);
        assertThat(results).bodyJson().extractingPath("$.variants[1].upgrades").isEqualTo(1);
        assertThat(this.jdbc.sql("select type, book_id from abtest.outcome order by type, book_id")
            .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2))
            .list()).containsExactly("finish:10", "finish:11", "open:10", "open:11", "upgrade:");
    }

    @Test
    void keepsCanaryImpressionsWithWhatServedThem() {
        // given
        Map<String, Object> canary = new HashMap<>(Map.of("surface", "home", "algorithm", "ease", "modelVersion",
                "2026-12-04T10-00-00Z", "degraded", false, "canary", Map.of("id", "ease-next", "arm", "candidate")));
        canary.put("experiment", null);

        // when
        this.recorder.handle(batch(
                SignedEvents.signed(eventAt("i1", EventType.IMPRESSION, "u1", null, "r1", AT, canary)),
                SignedEvents.signed(eventAt("i2", EventType.IMPRESSION, "u2", null, "r2", AT,
                        Map.of("canary", Map.of("id", "ease-next", "arm", "winner"))))));

        // then
        assertThat(this.jdbc.sql("""
                select experiment_key, surface, algorithm, model_version, fallback, canary_id, canary_arm
                from abtest.impression
                """)
            .query((rs, n) -> List.of(String.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getString(7)))
            .list()).containsExactly(List.of("null", "home", "ease", "2026-12-04T10-00-00Z", false, "ease-next",
                    "candidate"));
    }

    @Test
    void reportsTheFallbackRateAndFlagsAVariantWithoutUsers() {
        // given 40 control users, a quarter of their lists fallbacks, and no treatment user at all
        List<EngagementEvent> impressions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            impressions.add(impression("i" + i, "r" + i, "u" + i, "control", i % 4 == 0));
        }

        // when
        this.recorder.handle(batch(impressions.toArray(EngagementEvent[]::new)));

        // then
        MvcTestResult results = json();
        assertThat(results).bodyJson().extractingPath("$.variants[0].fallbackRate").asNumber()
            .satisfies((rate) -> assertThat(rate.doubleValue()).isCloseTo(0.25, within(1e-12)));
        assertThat(results).bodyJson().extractingPath("$.variants[1].fallbackRate").isNull();
        assertThat(results).bodyJson().extractingPath("$.sampleRatio.chiSquare").asNumber()
            .satisfies((chi) -> assertThat(chi.doubleValue()).isCloseTo(40, within(1e-9)));
        assertThat(results).bodyJson().extractingPath("$.sampleRatio.mismatch").isEqualTo(true);
        assertThat(results).bodyJson().extractingPath("$.verdict").asString().startsWith("sample-ratio mismatch");
        assertThat(results).bodyJson().extractingPath("$.timeline.series[0].variant").isEqualTo("control");
    }

    @Test
    void showsWhichModelsServedEachVariant() {
        // when
        this.recorder.handle(batch(impression("i1", "r1", "u1", "control", false),
                impression("i2", "r2", "u2", "control", true), impression("i3", "r3", "u3", "control")));

        // then
        MvcTestResult results = json();
        assertThat(results).bodyJson().extractingPath("$.variants[0].servedBy[*].algorithm")
            .isEqualTo(Arrays.asList("ease", null));
        assertThat(results).bodyJson().extractingPath("$.variants[0].servedBy[*].impressions")
            .isEqualTo(List.of(2, 1));
        assertThat(results).bodyJson().extractingPath("$.variants[1].servedBy").isEqualTo(List.of());
    }

    @Test
    void answersAPageToABrowserAndJsonToAnyoneElse() throws Exception {
        // given
        this.recorder.handle(batch(impression("i1", "r1", "u1", "control", false),
                impression("i2", "r2", "u2", "treatment", false),
                outcome("c1", EventType.CLICK, "r2", "u2", "10", Duration.ofMinutes(1))));

        // when
        MvcTestResult page = results("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        MvcTestResult anything = results("*/*");

        // then
        assertThat(page).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(page.getResponse().getContentAsString()).contains("<h1>Experiment home-ranking</h1>")
            .contains("<svg").doesNotContain("<script");
        assertThat(anything).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(anything).bodyJson().extractingPath("$.variants[1].clicks").isEqualTo(1);
    }

    @Test
    void answersAProblemToABrowserAskingForAnUnknownExperiment() {
        // when
        MvcTestResult missing = this.mvc.get()
            .uri("/v1/experiments/no-such-experiment/results")
            .header("X-User-Id", "admin-7")
            .header("X-User-Scopes", "experiments:admin")
            .accept(MediaType.TEXT_HTML)
            .exchange();

        // then
        assertThat(missing).hasStatus(404);
    }

    @Test
    void keepsAnImpressionSignedOverTheFactsItStates() {
        // given the facts, in the order inference-service signs them
        String signature = SignedEvents.LOCAL.sign(new ImpressionSignature.Facts("r1", "u1", "home", "home-ranking",
                "control", "ease", "2026-12-04T10-00-00Z", true, null, null, List.of("10", "11")));
        Map<String, Object> properties = Map.of("surface", "home", "experiment", "home-ranking", "variant", "control",
                "algorithm", "ease", "modelVersion", "2026-12-04T10-00-00Z", "degraded", true, "bookIds",
                List.of("10", "11"), "signature", signature);

        // when
        this.recorder.handle(batch(event("i1", EventType.IMPRESSION, "u1", null, "r1", properties)));

        // then
        assertThat(this.jdbc.sql("select user_id, book_ids from abtest.impression")
            .query((rs, n) -> rs.getString(1) + " " + List.of((String[]) rs.getArray(2).getArray()))
            .single()).isEqualTo("u1 [10, 11]");
    }

    @Test
    void refusesUnsignedAndForgedImpressionsAndThoseWithAChangedFact() {
        // given
        double unsigned = refused("unsigned");
        double badSignature = refused("bad-signature");
        EngagementEvent signed = impression("i1", "r1", "u1", "control");

        // when
        this.recorder.handle(batch(SignedEvents.withProperty(impression("i2", "r2", "u2", "control"), "signature",
                null), SignedEvents.withProperty(impression("i3", "r3", "u3", "control"), "signature", "forged"),
                SignedEvents.withProperty(impression("i4", "r4", "u4", "control"), "variant", "treatment"),
                SignedEvents.withProperty(impression("i5", "r5", "u5", "control"), "bookIds", List.of("10", "13")),
                signed));

        // then
        assertThat(this.jdbc.sql("select request_id from abtest.impression").query(String.class).list())
            .containsExactly("r1");
        assertThat(refused("unsigned") - unsigned).isEqualTo(1);
        assertThat(refused("bad-signature") - badSignature).isEqualTo(3);
    }

    @Test
    void countsNoOutcomeOfAnotherUserOnMyList() {
        // when u2 clicks, opens and upgrades from the list shown to u1
        double clicks = clicksCountedAfterAListOfU1(
                outcome("c1", EventType.CLICK, "r1", "u2", "10", Duration.ofMinutes(1)),
                outcome("o1", EventType.OPEN, "r1", "u2", "10", Duration.ofMinutes(1)),
                outcome("u1", EventType.UPGRADE, "r1", "u2", null, Duration.ofMinutes(1)));

        // then
        MvcTestResult results = json();
        assertThat(results).bodyJson().extractingPath("$.variants[0].clicks").isEqualTo(0);
        assertThat(results).bodyJson().extractingPath("$.variants[0].opens").isEqualTo(0);
        assertThat(results).bodyJson().extractingPath("$.variants[0].upgrades").isEqualTo(0);
        assertThat(results).bodyJson().extractingPath("$.timeline.series[0].points[-1:].clickedImpressions")
            .isEqualTo(List.of(0));
        assertThat(clicks).isZero();
    }

    @Test
    void countsNoClickOrOpenOfABookTheListDidNotShow() {
        // when u1 clicks and opens book 99, not on the list, and clicks book 12, on it
        double clicks = clicksCountedAfterAListOfU1(
                outcome("c1", EventType.CLICK, "r1", "u1", "99", Duration.ofMinutes(1)),
                outcome("o1", EventType.OPEN, "r1", "u1", "99", Duration.ofMinutes(1)),
                outcome("c2", EventType.CLICK, "r1", "u1", "12", Duration.ofMinutes(1)));

        // then
        MvcTestResult results = json();
        assertThat(results).bodyJson().extractingPath("$.variants[0].clicks").isEqualTo(1);
        assertThat(results).bodyJson().extractingPath("$.variants[0].opens").isEqualTo(0);
        assertThat(clicks).isEqualTo(1);
    }

    /** Records the control list r1 shown to u1 (books 10, 11, 12), then the outcomes; the clicks counted. */
    private double clicksCountedAfterAListOfU1(EngagementEvent... outcomes) {
        double before = counted("curio.abtest.clicks");
        this.recorder.handle(batch(impression("i1", "r1", "u1", "control")));
        this.recorder.handle(batch(outcomes));
        return counted("curio.abtest.clicks") - before;
    }

    private double refused(String reason) {
        return this.meters.get("curio.abtest.impressions.refused").tag("reason", reason).counter().count();
    }

    private MvcTestResult json() {
        return results("application/json");
    }

    private MvcTestResult results(String accept) {
        return this.mvc.get()
            .uri("/v1/experiments/home-ranking/results")
            .header("X-User-Id", "admin-7")
            .header("X-User-Scopes", "experiments:admin")
            .header("Accept", accept)
            .exchange();
    }

    private EngagementEvent impression(String eventId, String requestId, String userId, String variant,
            boolean fallback) {
        return SignedEvents.signed(eventAt(eventId, EventType.IMPRESSION, userId, null, requestId, AT,
                Map.of("surface", "home", "experiment", "home-ranking", "variant", variant, "algorithm", "ease",
                        "bookIds", List.of("10", "11", "12"), "degraded", fallback)));
    }

    private EngagementEvent outcome(String eventId, EventType type, String requestId, String userId, String bookId,
            Duration afterImpression) {
        return eventAt(eventId, type, userId, bookId, requestId, AT.plus(afterImpression), Map.of());
    }

    private static EngagementEvent eventAt(String eventId, EventType type, String userId, String bookId,
            String requestId, Instant at, Map<String, Object> properties) {
        return new EngagementEvent(eventId, type, userId, bookId, at, requestId, null, "ios", properties);
    }

    private MvcTestResult results() {
        return this.mvc.get()
            .uri("/v1/experiments/home-ranking/results")
            .header("X-User-Id", "admin-7")
            .header("X-User-Scopes", "experiments:admin")
            .exchange();
    }

    /** The variants and the sample-ratio check, which depend on what was recorded only (unlike the timeline). */
    private static Object measured(MvcTestResult results) throws Exception {
        String body = results.getResponse().getContentAsString();
        return List.of(JsonPath.read(body, "$.variants"), JsonPath.read(body, "$.sampleRatio"));
    }

    private double counted(String name) {
        return this.meters.find(name).counters().stream().mapToDouble((counter) -> counter.count()).sum();
    }

    private EngagementEvent impression(String eventId, String requestId, String userId, String variant) {
        return SignedEvents.signed(event(eventId, EventType.IMPRESSION, userId, null, requestId,
                Map.of("surface", "home", "experiment", "home-ranking", "variant", variant, "bookIds",
                        List.of("10", "11", "12"))));
    }

    private EngagementEvent click(String eventId, String requestId, String userId, String bookId) {
        return event(eventId, EventType.CLICK, userId, bookId, requestId, Map.of());
    }

    private static EngagementEvent event(String eventId, EventType type, String userId, String bookId,
            String requestId, Map<String, Object> properties) {
        return eventAt(eventId, type, userId, bookId, requestId, AT, properties);
    }

    private EventBatch batch(EngagementEvent... events) {
        return this.batches.of(events);
    }

}
