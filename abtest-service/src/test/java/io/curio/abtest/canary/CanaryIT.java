package io.curio.abtest.canary;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.curio.abtest.AbtestDatabase;
import io.curio.abtest.AbtestIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class CanaryIT extends AbtestIntegrationTest {

    private static final String SERVING = "2026-12-04T10-00-00Z";

    private static final String CANDIDATE = "2026-12-05T10-00-00Z";

    private static final String ID = "ease-2026-12-05t10-00-00z";

    private static final String MODELS = """
            [{"algorithm":"ease","serving":"%s","versions":[
                {"version":"2026-12-06T10-00-00Z","complete":false,"serving":false,"metrics":{}},
                {"version":"%s","complete":true,"serving":false,"metrics":{}},
                {"version":"%s","complete":true,"serving":true,"metrics":{}}]},
             {"algorithm":"als","serving":null,"versions":[{"version":"%s","complete":true,"serving":false}]}]
            """.formatted(SERVING, CANDIDATE, SERVING, CANDIDATE);

    private static final String CANARY = """
            {"algorithm":"ease","version":"%s","steps":[5,50,100],"stepDuration":"PT2M","minImpressions":300}
            """.formatted(CANDIDATE);

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private CanaryGuardrail guardrail;

    @Autowired
    private CanaryExposure exposure;

    @Autowired
    private CanaryStore store;

    private final FakeModelRegistry registry = FakeModelRegistry.instance();

    private int requests;

    @BeforeEach
    void emptyTables() {
        AbtestDatabase.empty(this.jdbc);
        this.jdbc.sql("truncate abtest.canary_decision, abtest.canary").update();
        this.registry.reset();
        this.registry.models(MODELS);
    }

    @Test
    void createsACanaryAgainstTheServingVersionAndPublishesIt() {
        // when
        MvcTestResult created = create(CANARY);

        // then
        assertThat(created).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/v1/canaries/" + ID);
        assertThat(created).bodyJson().extractingPath("$.baselineVersion").isEqualTo(SERVING);
        assertThat(created).bodyJson().extractingPath("$.percent").isEqualTo(5);
        assertThat(created).bodyJson().extractingPath("$.status").isEqualTo("running");
        assertThat(created).bodyJson().extractingPath("$.decisions[0].action").isEqualTo("create");
        assertThat(created).bodyJson().extractingPath("$.decisions[0].actor").isEqualTo("admin-7");
        MvcTestResult rules = this.mvc.get().uri("/internal/serving-rules").exchange();
        assertThat(rules).bodyJson().extractingPath("$.canaries[0].id").isEqualTo(ID);
        assertThat(rules).bodyJson().extractingPath("$.canaries[0].candidateVersion").isEqualTo(CANDIDATE);
        assertThat(rules).bodyJson().extractingPath("$.canaries[0].percent").isEqualTo(5);
    }

    @Test
    void defaultsEverythingButAlgorithmAndVersion() {
        // when
        MvcTestResult created = create("{\"algorithm\":\"ease\",\"version\":\"" + CANDIDATE + "\"}");

        // then
        assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.steps")
            .isEqualTo(List.of(5, 25, 50, 100));
        assertThat(created).bodyJson().extractingPath("$.minImpressions").isEqualTo(300);
        assertThat(created).bodyJson().extractingPath("$.stepDuration").isEqualTo("PT10M");
    }

    @Test
    void refusesWhatTheRegistryDoesNotOfferOrTheRulesForbidAndChangesNothing() {
        // when
        List<MvcTestResult> refused = List.of(create(CANARY.replace(CANDIDATE, "2026-12-07T10-00-00Z")),
                create(CANARY.replace(CANDIDATE, "2026-12-06T10-00-00Z")), create(CANARY.replace(CANDIDATE, SERVING)),
                create(CANARY.replace("ease", "als")), create(CANARY.replace("ease", "word2vec")),
                create(CANARY.replace("[5,50,100]", "[5,5,100]")), create(CANARY.replace("[5,50,100]", "[5,50]")),
                create(CANARY.replace("\"minImpressions\"", "\"minimum\"")),
                create(CANARY.replace("\"PT2M\"", "120")));

        // then
        assertThat(refused).extracting((result) -> result.getResponse().getStatus()).containsOnly(400);
        assertThat(refused).extracting((result) -> result.getResponse().getContentType())
            .containsOnly("application/problem+json");
        assertThat(refused).extracting(CanaryIT::field).containsExactly("version", "version", "version",
                "algorithm", "algorithm", "steps[1]", "steps", "minimum", "stepDuration");
        assertThat(AbtestDatabase.count(this.jdbc, "canary")).isZero();
    }

    @Test
    void refusesASecondCanaryOfAnAlgorithmInProgress() {
        // given
        create(CANARY);

        // when
        MvcTestResult second = create(CANARY);

        // then
        assertThat(second).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.field").isEqualTo("algorithm");
        assertThat(AbtestDatabase.count(this.jdbc, "canary")).isEqualTo(1);
    }

    @Test
    void abortsBackToZeroAndLeavesTheServingRules() {
        // given
        create(CANARY);

        // when
        MvcTestResult aborted = admin(this.mvc.post().uri("/v1/canaries/" + ID + "/abort"));
        MvcTestResult again = admin(this.mvc.post().uri("/v1/canaries/" + ID + "/abort"));

        // then
        assertThat(aborted).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("aborted");
        assertThat(aborted).bodyJson().extractingPath("$.percent").isEqualTo(0);
        assertThat(aborted).bodyJson().extractingPath("$.decisions[0].action").isEqualTo("abort");
        assertThat(again).hasStatus(HttpStatus.CONFLICT);
        assertThat(this.mvc.get().uri("/internal/serving-rules").exchange()).bodyJson()
            .extractingPath("$.canaries").asArray().isEmpty();
        assertThat(admin(this.mvc.get().uri("/v1/canaries/nothing"))).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void rollsBackACandidateWithASignificantlyWorseClickThroughRate() {
        // given
        create(CANARY);
        Instant start = stepStartedAt();
        serve("candidate", 400, 10, start.plusSeconds(1));
        serve("baseline", 400, 60, start.plusSeconds(1));

        // when
        this.guardrail.check(start.plusSeconds(30));

        // then
        MvcTestResult canary = admin(this.mvc.get().uri("/v1/canaries/" + ID));
        assertThat(canary).bodyJson().extractingPath("$.status").isEqualTo("rolled-back");
        assertThat(canary).bodyJson().extractingPath("$.percent").isEqualTo(0);
        assertThat(canary).bodyJson().extractingPath("$.decisions[0].action").isEqualTo("rollback");
        assertThat(canary).bodyJson().extractingPath("$.decisions[0].percentFrom").isEqualTo(5);
        assertThat(canary).bodyJson().extractingPath("$.decisions[0].candidateCtr").isEqualTo(0.025);
        assertThat(canary).bodyJson().extractingPath("$.decisions[0].baselineImpressions").isEqualTo(400);
        assertThat(canary).bodyJson().extractingPath("$.decisions[0].pValue").asNumber().satisfies(
                (p) -> assertThat(p.doubleValue()).isLessThan(0.05));
        assertThat(this.mvc.get().uri("/internal/serving-rules").exchange()).bodyJson()
            .extractingPath("$.canaries").asArray().isEmpty();
        assertThat(this.registry.activations()).isEmpty();
    }

    @Test
    void advancesStepByStepAndPromotesRetryingAFailedActivation() {
        // given
        create(CANARY);
        Instant start = stepStartedAt();
        serve("candidate", 300, 33, start.plusSeconds(1));
        serve("baseline", 300, 30, start.plusSeconds(1));
        this.guardrail.check(start.plusSeconds(60));
        this.guardrail.check(start.plus(Duration.ofMinutes(3)));
        Instant second = stepStartedAt();
        serve("candidate", 300, 30, second.plusSeconds(1));
        serve("baseline", 300, 31, second.plusSeconds(1));
        this.registry.activationStatus(500);

        // when
        this.guardrail.check(second.plus(Duration.ofMinutes(2)));
        String promoting = status();
        this.registry.activationStatus(200);
        this.guardrail.check(second.plus(Duration.ofMinutes(3)));

        // then
        assertThat(promoting).isEqualTo("promoting");
        MvcTestResult canary = admin(this.mvc.get().uri("/v1/canaries/" + ID));
        assertThat(canary).bodyJson().extractingPath("$.status").isEqualTo("promoted");
        assertThat(canary).bodyJson().extractingPath("$.decisions[*].action")
            .isEqualTo(List.of("activated", "hold", "promote", "advance", "hold", "create"));
        assertThat(canary).bodyJson().extractingPath("$.decisions[3].percentTo").isEqualTo(50);
        assertThat(canary).bodyJson().extractingPath("$.decisions[2].percentTo").isEqualTo(100);
        assertThat(this.registry.activations()).containsOnly("/admin/models/ease/versions/" + CANDIDATE + "/activate")
            .hasSize(2);
        assertThat(this.mvc.get().uri("/internal/serving-rules").exchange()).bodyJson()
            .extractingPath("$.canaries").asArray().isEmpty();
    }

    @Test
    void countsOnlyClicksOfTheReaderOnABookTheListShowed() {
        // given three candidate lists showing book 7, each clicked: by its reader on 7, by another reader, on 8
        create(CANARY);
        Instant at = Instant.now();
        serve("candidate", 3, 0, at);
        click("r-1", "u-0", "7", at);
        click("r-2", "u-0", "7", at);
        click("r-3", "u-2", "8", at);

        // when
        CanaryEvidence evidence = this.exposure.evidence(this.store.find(ID).orElseThrow());

        // then
        assertThat(evidence.candidate()).isEqualTo(new ArmCounts(3, 1));
    }

    private void serve(String arm, int impressions, int clicked, Instant at) {
        for (int i = 0; i < impressions; i++) {
            String request = "r-" + (++this.requests);
            this.jdbc.sql("""
                    insert into abtest.impression (request_id, event_id, user_id, occurred_at, surface, algorithm,
                        canary_id, canary_arm, book_ids)
                    values (?, ?, ?, ?, 'home', 'ease', ?, ?, array['7'])
                    """)
                .params(request, "i-" + request, "u-" + i, at.atOffset(ZoneOffset.UTC), ID, arm)
                .update();
            if (i < clicked) {
                click(request, "u-" + i, "7", at);
            }
        }
    }

    private void click(String request, String user, String book, Instant impressionAt) {
        this.jdbc.sql("""
                insert into abtest.click (event_id, request_id, book_id, user_id, occurred_at)
                values (?, ?, ?, ?, ?)
                """)
            .params("c-" + request, request, book, user, impressionAt.plusSeconds(5).atOffset(ZoneOffset.UTC))
            .update();
    }

    private Instant stepStartedAt() {
        return this.jdbc.sql("select step_started_at from abtest.canary where id = ?").param(ID)
            .query(OffsetDateTime.class).single().toInstant();
    }

    private String status() {
        return this.jdbc.sql("select status from abtest.canary where id = ?").param(ID).query(String.class).single();
    }

    private static String field(MvcTestResult result) {
        try {
            return com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$.field");
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private MvcTestResult create(String body) {
        return admin(this.mvc.post().uri("/v1/canaries").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private MvcTestResult admin(MockMvcTester.MockMvcRequestBuilder request) {
        return request.header("X-User-Id", "admin-7").header("X-User-Scopes", "experiments:admin").exchange();
    }

}
