package io.curio.abtest.assignment;

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

class ServingRulesIT extends AbtestIntegrationTest {

    private static final String THREE_WAY = """
            {"key":"home-ranking","surface":"home",
             "variants":[{"name":"control","weight":50,"model":"popularity"},
                         {"name":"ease","weight":30,"model":"ease"},
                         {"name":"als","weight":20,"model":"als@2026-12-04T10-00-00Z"}]}
            """;

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private RunningExperiments running;

    @BeforeEach
    void emptyTables() {
        AbtestDatabase.empty(this.jdbc);
        this.running.refresh();
    }

    @Test
    void storesConsecutiveBucketsAndReweighsMovingTheFewest() {
        // given
        create(THREE_WAY);

        // when
        MvcTestResult reweighed = patch("""
                {"variants":[{"name":"control","weight":40},{"name":"ease","weight":30},{"name":"als","weight":30}]}
                """);

        // then
        assertThat(reweighed).hasStatusOk();
        assertThat(buckets()).containsExactly("[[0, 4000]]", "[[5000, 8000]]", "[[4000, 5000], [8000, 10000]]");
    }

    @Test
    void refusesAChangeOfTheVariantsAndChangesNothing() {
        // given
        create(THREE_WAY);
        List<String> before = buckets();

        // when
        MvcTestResult added = patch("""
                {"variants":[{"name":"control","weight":40},{"name":"ease","weight":30},{"name":"als","weight":20},
                             {"name":"blend","weight":10}]}
                """);
        MvcTestResult renamed = patch("""
                {"variants":[{"name":"control","weight":50},{"name":"easy","weight":30},{"name":"als","weight":20}]}
                """);
        MvcTestResult remodelled = patch("""
                {"variants":[{"name":"control","weight":50},{"name":"ease","weight":30,"model":"blend"},
                             {"name":"als","weight":20}]}
                """);

        // then
        assertThat(added).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field")
            .isEqualTo("variants[3].name");
        assertThat(renamed).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field")
            .isEqualTo("variants[1].name");
        assertThat(remodelled).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field")
            .isEqualTo("variants[1].model");
        assertThat(buckets()).isEqualTo(before);
        assertThat(AbtestDatabase.count(this.jdbc, "audit_entry")).isEqualTo(1);
    }

    @Test
    void servesTheWinnerOnItsSurfaceOnceStoppedWithIt() {
        // given
        create(THREE_WAY);
        admin(this.mvc.post().uri("/v1/experiments/home-ranking/start"));

        // when
        MvcTestResult unknown = stop("{\"winner\":\"rival\"}");
        MvcTestResult stopped = stop("{\"winner\":\"ease\"}");

        // then
        assertThat(unknown).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field").isEqualTo("winner");
        assertThat(stopped).hasStatusOk().bodyJson().extractingPath("$.winner").isEqualTo("ease");
        MvcTestResult rules = this.mvc.get().uri("/internal/serving-rules").exchange();
        assertThat(rules).bodyJson().extractingPath("$.experiments").asArray().isEmpty();
        assertThat(rules).bodyJson().extractingPath("$.winners[0].model").isEqualTo("ease");
        assertThat(rules).bodyJson().extractingPath("$.winners[0].experiment").isEqualTo("home-ranking");
        assertThat(this.mvc.get().uri("/internal/assignments?userId=42&surface=home").exchange()).bodyJson()
            .extractingPath("$.model").isEqualTo("ease");
        assertThat(admin(this.mvc.get().uri("/v1/experiments/home-ranking/results"))).hasStatusOk();
        assertThat(this.jdbc.sql("select detail ->> 'winner' from abtest.audit_entry where action = 'stop'")
            .query(String.class).single()).isEqualTo("ease");
    }

    @Test
    void stopsWithoutAWinnerWhenGivenNoBody() {
        // given
        create(THREE_WAY);
        admin(this.mvc.post().uri("/v1/experiments/home-ranking/start"));

        // when
        MvcTestResult stopped = admin(this.mvc.post().uri("/v1/experiments/home-ranking/stop"));

        // then
        assertThat(stopped).hasStatusOk();
        assertThat(this.mvc.get().uri("/internal/serving-rules").exchange()).bodyJson().extractingPath("$.winners")
            .asArray().isEmpty();
    }

    @Test
    void answersNotModifiedForTheCurrentEtagAndANewEtagAfterAChange() {
        // given
        MvcTestResult first = this.mvc.get().uri("/internal/serving-rules").exchange();
        String etag = first.getResponse().getHeader("ETag");

        // when
        MvcTestResult unchanged = this.mvc.get().uri("/internal/serving-rules").header("If-None-Match", etag)
            .exchange();
        create(THREE_WAY);
        admin(this.mvc.post().uri("/v1/experiments/home-ranking/start"));
        MvcTestResult changed = this.mvc.get().uri("/internal/serving-rules").header("If-None-Match", etag)
            .exchange();

        // then
        assertThat(etag).startsWith("\"").endsWith("\"");
        assertThat(unchanged).hasStatus(HttpStatus.NOT_MODIFIED);
        assertThat(unchanged.getResponse().getContentAsByteArray()).isEmpty();
        assertThat(changed).hasStatusOk().hasHeader("ETag", changed.getResponse().getHeader("ETag"));
        assertThat(changed.getResponse().getHeader("ETag")).isNotEqualTo(etag);
        assertThat(changed).bodyJson().extractingPath("$.experiments[0].variants[2].buckets[0].from").isEqualTo(8000);
    }

    private List<String> buckets() {
        return this.jdbc.sql("select buckets::text from abtest.experiment_variant order by position")
            .query(String.class)
            .list();
    }

    private void create(String body) {
        assertThat(admin(this.mvc.post().uri("/v1/experiments").contentType(MediaType.APPLICATION_JSON).content(body)))
            .hasStatus(HttpStatus.CREATED);
    }

    private MvcTestResult patch(String body) {
        return admin(this.mvc.patch().uri("/v1/experiments/home-ranking").contentType(MediaType.APPLICATION_JSON)
            .content(body));
    }

    private MvcTestResult stop(String body) {
        return admin(this.mvc.post().uri("/v1/experiments/home-ranking/stop").contentType(MediaType.APPLICATION_JSON)
            .content(body));
    }

    private MvcTestResult admin(MockMvcTester.MockMvcRequestBuilder request) {
        return request.header("X-User-Id", "admin-7").header("X-User-Scopes", "experiments:admin").exchange();
    }

}
