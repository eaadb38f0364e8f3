package io.curio.abtest.experiment;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.curio.abtest.AbtestDatabase;
import io.curio.abtest.AbtestIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ExperimentLifecycleIT extends AbtestIntegrationTest {

    private static final String HOME_RANKING = """
            {"key":"home-ranking","surface":"home","trafficPercent":100,
             "variants":[{"name":"control","weight":50,"model":"popularity"},
                         {"name":"treatment","weight":50,"model":"item-neighbours@2026-12-04T10-00-00Z"}]}
            """;

    private static final String VARIANT_C = "{\"name\":\"c\",\"weight\":50,\"model\":\"popularity\"}";

    private static final String VARIANT_T = "{\"name\":\"t\",\"weight\":50,\"model\":\"item-neighbours\"}";

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private MeterRegistry meters;

    @BeforeEach
    void emptyTables() {
        AbtestDatabase.empty(this.jdbc);
    }

    @Test
    void createsStartsAndStopsAnExperimentWithAnAuditEntryForEachChange() {
        // when
        MvcTestResult created = create(HOME_RANKING);
        MvcTestResult started = admin(this.mvc.post().uri("/v1/experiments/home-ranking/start"));
        MvcTestResult read = admin(this.mvc.get().uri("/v1/experiments/home-ranking"));
        MvcTestResult stopped = admin(this.mvc.post().uri("/v1/experiments/home-ranking/stop"));

        // then
        assertThat(created).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/v1/experiments/home-ranking");
        assertThat(created).bodyJson().extractingPath("$.status").isEqualTo("draft");
        assertThat(created).bodyJson().extractingPath("$.variants[1].model")
            .isEqualTo("item-neighbours@2026-12-04T10-00-00Z");
        assertThat(started).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("running");
        assertThat(read).hasStatusOk().bodyJson().extractingPath("$.startedAt").isNotNull();
        assertThat(stopped).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("stopped");
        assertThat(auditTrail()).containsExactly(List.of("admin-7", "create", "home-ranking", "home"),
                List.of("admin-7", "start", "-", "home"), List.of("admin-7", "stop", "-", "home"));
    }

    @Test
    void defaultsTrafficToOneHundredPercent() {
        // when
        MvcTestResult created = create(HOME_RANKING.replace("\"trafficPercent\":100,", ""));

        // then
        assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.trafficPercent").isEqualTo(100);
    }

    @Test
    void refusesCallsWithoutTheAdminScope() {
        // when
        MvcTestResult wrongScope = this.mvc.post()
            .uri("/v1/experiments")
            .header("X-User-Id", "reader-1")
            .header("X-User-Scopes", "recs:read events:write")
            .contentType(MediaType.APPLICATION_JSON)
            .content(HOME_RANKING)
            .exchange();
        MvcTestResult noScope = this.mvc.get().uri("/v1/experiments/home-ranking").header("X-User-Id", "x").exchange();

        // then
        assertThat(wrongScope).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(wrongScope).bodyJson().extractingPath("$.detail").asString().contains("experiments:admin");
        assertThat(noScope).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(AbtestDatabase.count(this.jdbc, "experiment")).isZero();
    }

    static Stream<Arguments> badBodies() {
        String two = "[" + VARIANT_C + "," + VARIANT_T + "]";
        return Stream.of(arguments(body("\"colour\":\"red\",\"variants\":" + two), "colour"),
                arguments(body("\"variants\":[" + VARIANT_C.replace("}", ",\"extra\":1}") + "," + VARIANT_T + "]"),
                        "variants[0].extra"),
                arguments(body("\"variants\":[" + VARIANT_C.replace("50", "60") + "," + VARIANT_T + "]"),
                        "variants[].weight"),
                arguments(body("\"variants\":[" + VARIANT_C + "," + VARIANT_T.replace("\"t\"", "\"c\"") + "]"),
                        "variants[1].name"),
                arguments(body("\"variants\":[" + VARIANT_C.replace("50", "\"half\"") + "," + VARIANT_T + "]"),
                        "variants[0].weight"),
                arguments(body("\"variants\":" + two).replace("\"key\":\"a\"", "\"key\":\"A B\""), "key"),
                arguments(body("\"trafficPercent\":-1,\"variants\":" + two), "trafficPercent"),
                arguments(body("\"targeting\":{\"plans\":[\"gold\"]},\"variants\":" + two), "targeting.plans[0]"),
                arguments(body("\"variants\":[" + VARIANT_C + "]"), "variants"),
                arguments(body("\"variants\":[" + VARIANT_C + "," + VARIANT_T.replace("item-neighbours", "word2vec")
                        + "]"),
                        "variants[1].model"),
                arguments(body("\"variants\":[" + VARIANT_C.replace("popularity", "popularity@latest") + ","
                        + VARIANT_T + "]"), "variants[0].model"),
                arguments(body("\"variants\":[" + VARIANT_C.replace("50", "\"50\"") + "," + VARIANT_T + "]"),
                        "variants[0].weight"),
                arguments(body("\"variants\":[" + VARIANT_C.replace("50", "50.5") + "," + VARIANT_T + "]"),
                        "variants[0].weight"),
                arguments(body("\"variants\":[" + VARIANT_C + "," + VARIANT_T.replace("\"t\"", "true") + "]"),
                        "variants[1].name"),
                arguments(body("\"trafficPercent\":\"50\",\"variants\":" + two), "trafficPercent"),
                arguments(body("\"variants\":" + two).replace("\"key\":\"a\"", "\"key\":123"), "key"),
                arguments(body("\"variants\":" + two).replace("\"surface\":\"home\"", "\"surface\":15"),
                        "surface"),
                arguments(body("\"variants\":" + two).replace("\"home\"", "\"" + "s".repeat(33) + "\""),
                        "surface"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void rejectsBadBodiesNamingTheFieldAndChangesNothing(String body, String field) {
        // when
        MvcTestResult result = create(body);

        // then
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().startsWith(field);
        assertThat(result).bodyJson().extractingPath("$.type").asString().startsWith("urn:curio:problem:");
        assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Bad Request");
        assertThat(AbtestDatabase.count(this.jdbc, "experiment")).isZero();
        assertThat(AbtestDatabase.count(this.jdbc, "experiment_variant")).isZero();
        assertThat(AbtestDatabase.count(this.jdbc, "audit_entry")).isZero();
    }

    @Test
    void rejectsATruncatedBodyInAPlainSentence() {
        // when
        MvcTestResult result = create("{\"key\":\"a\",\"variants\":[");

        // then
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.detail")
            .isEqualTo("variants: malformed JSON: the body ends before the JSON document is complete");
        assertThat(AbtestDatabase.count(this.jdbc, "experiment")).isZero();
    }

    @Test
    void rejectsMalformedJsonWithoutNamingTheParsersSource() {
        // when
        MvcTestResult result = create("{\"key\":\"a\",}");

        // then
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.detail").asString()
            .startsWith("malformed JSON: ").doesNotContain("Source", "StreamReadFeature", "line:", "column:");
    }

    @Test
    void refusesABodyOverTheLimitBeforeReadingIt() {
        // when: 64 KiB of padding inside an otherwise valid experiment
        MvcTestResult result = create(HOME_RANKING.replace("\"home\",", "\"home\"," + " ".repeat(65_536)));

        // then
        assertThat(result).hasStatus(HttpStatus.PAYLOAD_TOO_LARGE).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:curio:problem:body-too-large");
        assertThat(AbtestDatabase.count(this.jdbc, "experiment")).isZero();
    }

    @Test
    void rejectsARepeatedPropertyInTheBody() {
        // when
        MvcTestResult result = create(HOME_RANKING.replace("{\"key\":\"home-ranking\",",
                "{\"key\":\"home-ranking\",\"key\":\"other\","));

        // then
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.detail").asString()
            .contains("key");
        assertThat(AbtestDatabase.count(this.jdbc, "experiment")).isZero();
    }

    @Test
    void rejectsADuplicateKeyAndKeepsTheFirstExperiment() {
        // given
        create(HOME_RANKING);

        // when
        MvcTestResult duplicate = create(HOME_RANKING.replace("popularity", "item-neighbours"));

        // then
        assertThat(duplicate).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.detail").asString()
            .startsWith("key:");
        assertThat(admin(this.mvc.get().uri("/v1/experiments/home-ranking"))).bodyJson()
            .extractingPath("$.variants[0].model")
            .isEqualTo("popularity");
        assertThat(AbtestDatabase.count(this.jdbc, "audit_entry")).isEqualTo(1);
    }

    @Test
    void refusesASecondRunningExperimentOnTheSameSurface() {
        // given
        create(HOME_RANKING);
        create(HOME_RANKING.replace("home-ranking", "home-rival"));
        create(HOME_RANKING.replace("home-ranking", "search-ranking").replace("\"home\"", "\"search\""));
        admin(this.mvc.post().uri("/v1/experiments/home-ranking/start"));

        // when
        MvcTestResult rival = admin(this.mvc.post().uri("/v1/experiments/home-rival/start"));
        MvcTestResult otherSurface = admin(this.mvc.post().uri("/v1/experiments/search-ranking/start"));

        // then
        assertThat(rival).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.detail").asString()
            .contains("home-ranking");
        assertThat(otherSurface).hasStatusOk();
        assertThat(status("home-rival")).isEqualTo("draft");
        assertThat(status("home-ranking")).isEqualTo("running");
    }

    @Test
    void refusesToRestartAStoppedExperimentOrStopADraft() {
        // given
        create(HOME_RANKING);
        create(HOME_RANKING.replace("home-ranking", "draft-only"));
        admin(this.mvc.post().uri("/v1/experiments/home-ranking/start"));
        admin(this.mvc.post().uri("/v1/experiments/home-ranking/stop"));

        // when
        MvcTestResult restart = admin(this.mvc.post().uri("/v1/experiments/home-ranking/start"));
        MvcTestResult stopDraft = admin(this.mvc.post().uri("/v1/experiments/draft-only/stop"));

        // then
        assertThat(restart).hasStatus(HttpStatus.CONFLICT);
        assertThat(stopDraft).hasStatus(HttpStatus.CONFLICT);
        assertThat(status("draft-only")).isEqualTo("draft");
    }

    @Test
    void rampsTrafficKeepingAssignedUsersInTheirVariant() {
        // given user 42 of home-ranking has traffic bucket 3451 and variant bucket 3145 (control at 50/50)
        create(HOME_RANKING.replace("\"trafficPercent\":100", "\"trafficPercent\":30"));
        admin(this.mvc.post().uri("/v1/experiments/home-ranking/start"));
        MvcTestResult before = assignment("userId=42&surface=home");

        // when
        MvcTestResult ramped = patch("{\"trafficPercent\":40}");
        MvcTestResult after = assignment("userId=42&surface=home");

        // then
        assertThat(before).bodyJson().extractingPath("$.variant").isNull();
        assertThat(ramped).hasStatusOk().bodyJson().extractingPath("$.trafficPercent").isEqualTo(40);
        assertThat(after).bodyJson().extractingPath("$.variant").isEqualTo("control");
        assertThat(auditTrail()).extracting((entry) -> entry.get(1)).containsExactly("create", "start", "update");
    }

    @Test
    void reweightsARunningExperiment() {
        // given user 42 has variant bucket 3145: control at 50/50, treatment at 30/70
        create(HOME_RANKING);
        admin(this.mvc.post().uri("/v1/experiments/home-ranking/start"));

        // when
        MvcTestResult reweighted = patch("""
                {"variants":[{"name":"control","weight":30},{"name":"treatment","weight":70}]}""");

        // then
        assertThat(reweighted).hasStatusOk().bodyJson().extractingPath("$.variants[*].weight")
            .isEqualTo(List.of(30, 70));
        assertThat(assignment("userId=42&surface=home")).bodyJson().extractingPath("$.variant")
            .isEqualTo("treatment");
    }

    @Test
    void rejectsABadChangeAndChangesNothing() {
        // given
        create(HOME_RANKING);

        // when
        MvcTestResult unknown = patch("""
                {"variants":[{"name":"control","weight":50},{"name":"rival","weight":50}]}""");
        MvcTestResult model = patch("""
                {"variants":[{"name":"control","weight":50,"model":"ease"},{"name":"treatment","weight":50}]}""");
        MvcTestResult traffic = patch("{\"trafficPercent\":101}");
        MvcTestResult quotedTraffic = patch("{\"trafficPercent\":\"40\"}");
        MvcTestResult quotedWeight = patch("""
                {"variants":[{"name":"control","weight":"30"},{"name":"treatment","weight":70}]}""");

        // then
        assertThat(unknown).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field")
            .isEqualTo("variants[1].name");
        assertThat(model).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field")
            .isEqualTo("variants[0].model");
        assertThat(traffic).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field")
            .isEqualTo("trafficPercent");
        assertThat(quotedTraffic).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field")
            .isEqualTo("trafficPercent");
        assertThat(quotedWeight).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field")
            .isEqualTo("variants[0].weight");
        assertThat(admin(this.mvc.get().uri("/v1/experiments/home-ranking"))).bodyJson()
            .extractingPath("$.variants[*].weight")
            .isEqualTo(List.of(50, 50));
        assertThat(AbtestDatabase.count(this.jdbc, "audit_entry")).isEqualTo(1);
    }

    @Test
    void refusesToChangeOrStartAnExperimentWhoseModelIsNoLongerKnown() {
        // given an experiment stored before its algorithm was withdrawn
        create(HOME_RANKING);
        this.jdbc.sql("update abtest.experiment_variant set model = 'word2vec' where name = 'treatment'").update();

        // when
        MvcTestResult reweighted = patch("""
                {"variants":[{"name":"control","weight":30},{"name":"treatment","weight":70}]}""");
        MvcTestResult started = admin(this.mvc.post().uri("/v1/experiments/home-ranking/start"));

        // then
        assertThat(reweighted).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field")
            .isEqualTo("variants[1].model");
        assertThat(started).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.detail").asString()
            .startsWith("variants[1].model: unknown algorithm 'word2vec'");
        assertThat(status("home-ranking")).isEqualTo("draft");
        assertThat(AbtestDatabase.count(this.jdbc, "audit_entry")).isEqualTo(1);
    }

    @Test
    void refusesToChangeAStoppedExperiment() {
        // given
        create(HOME_RANKING);
        admin(this.mvc.post().uri("/v1/experiments/home-ranking/start"));
        admin(this.mvc.post().uri("/v1/experiments/home-ranking/stop"));

        // when
        MvcTestResult ramped = patch("{\"trafficPercent\":50}");

        // then
        assertThat(ramped).hasStatus(HttpStatus.CONFLICT);
        assertThat(admin(this.mvc.get().uri("/v1/experiments/home-ranking"))).bodyJson()
            .extractingPath("$.trafficPercent")
            .isEqualTo(100);
    }

    @Test
    void answersNotFoundForAnUnknownExperiment() {
        // when
        MvcTestResult get = admin(this.mvc.get().uri("/v1/experiments/nothing-here"));
        MvcTestResult start = admin(this.mvc.post().uri("/v1/experiments/nothing-here/start"));

        // then
        assertThat(get).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(start).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(AbtestDatabase.count(this.jdbc, "audit_entry")).isZero();
    }

    @Test
    void assignsUsersOfTheRunningExperimentHonouringTargeting() {
        // given
        create(HOME_RANKING.replace("\"trafficPercent\":100,", "\"targeting\":{\"plans\":[\"premium\"]},"));
        admin(this.mvc.post().uri("/v1/experiments/home-ranking/start"));

        // when
        MvcTestResult premium = assignment("userId=2&surface=home&plan=premium&platform=ios");
        MvcTestResult free = assignment("userId=2&surface=home&plan=free");
        MvcTestResult otherSurface = assignment("userId=2&surface=search&plan=premium");

        // then
        assertThat(premium).hasStatusOk().bodyJson().isEqualTo("""
                {"experiment":"home-ranking","variant":"treatment",
                 "model":"item-neighbours@2026-12-04T10-00-00Z"}""");
        assertThat(free).bodyJson().isEqualTo("{\"experiment\":null,\"variant\":null,\"model\":null}");
        assertThat(otherSurface).bodyJson().extractingPath("$.experiment").isNull();
    }

    @Test
    void stopsAssigningAsSoonAsTheExperimentStops() {
        // given
        create(HOME_RANKING);
        admin(this.mvc.post().uri("/v1/experiments/home-ranking/start"));
        MvcTestResult before = assignment("userId=42&surface=home");

        // when
        admin(this.mvc.post().uri("/v1/experiments/home-ranking/stop"));
        MvcTestResult after = assignment("userId=42&surface=home");

        // then
        assertThat(before).bodyJson().extractingPath("$.variant").isEqualTo("control");
        assertThat(after).bodyJson().extractingPath("$.variant").isNull();
    }

    @Test
    void showsZeroCountersForEveryVariantAsSoonAsTheExperimentRuns() {
        // given
        create(HOME_RANKING.replace("home-ranking", "zero-counts").replace("\"home\"", "\"zero\""));
        List<Counter> draftCounters = counters("zero-counts");

        // when
        admin(this.mvc.post().uri("/v1/experiments/zero-counts/start"));

        // then
        assertThat(draftCounters).isEmpty();
        assertThat(counters("zero-counts")).extracting((counter) -> counter.getId().getName() + " "
                + counter.getId().getTag("variant") + " " + counter.count())
            .containsExactlyInAnyOrder("curio.abtest.impressions control 0.0", "curio.abtest.impressions treatment 0.0",
                    "curio.abtest.clicks control 0.0", "curio.abtest.clicks treatment 0.0",
                    "curio.abtest.assignments control 0.0", "curio.abtest.assignments treatment 0.0");
    }

    @Test
    void answersAProblemWhenTheAssignmentHasNoUser() {
        // when
        MvcTestResult result = assignment("surface=home");

        // then
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:curio:problem:http-400");
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("userId");
    }

    @Test
    void answersAProblemWhenTheAssignmentHasABlankUser() {
        // when
        MvcTestResult result = assignment("userId=&surface=home");

        // then
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().startsWith("userId: ");
    }

    private static String body(String rest) {
        return "{\"key\":\"a\",\"surface\":\"home\"," + rest + "}";
    }

    private MvcTestResult patch(String body) {
        return admin(this.mvc.patch()
            .uri("/v1/experiments/home-ranking")
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
    }

    private MvcTestResult create(String body) {
        return admin(this.mvc.post().uri("/v1/experiments").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private MvcTestResult admin(MockMvcTester.MockMvcRequestBuilder request) {
        return request.header("X-User-Id", "admin-7")
            .header("X-User-Scopes", "recs:read experiments:admin")
            .exchange();
    }

    private MvcTestResult assignment(String query) {
        return this.mvc.get().uri("/internal/assignments?" + query).exchange();
    }

    private List<Counter> counters(String experiment) {
        return List.of("curio.abtest.impressions", "curio.abtest.clicks", "curio.abtest.assignments")
            .stream()
            .flatMap((name) -> this.meters.find(name).tag("experiment", experiment).counters().stream())
            .toList();
    }

    private String status(String key) {
        return this.jdbc.sql("select status from abtest.experiment where key = ?").param(key).query(String.class)
            .single();
    }

    private List<List<String>> auditTrail() {
        return this.jdbc.sql("""
                select actor, action, coalesce(detail ->> 'key', '-') as key,
                       coalesce(detail ->> 'surface', '-') as surface
                from abtest.audit_entry
                where occurred_at is not null
                order by id
                """)
            .query((rs, n) -> List.of(rs.getString("actor"), rs.getString("action"), rs.getString("key"),
                    rs.getString("surface")))
            .list();
    }

}
