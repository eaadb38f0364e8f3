package io.curio.abtest.experiment;

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
import io.curio.abtest.canary.FakeModelRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An experiment names only models inference-service's registry can serve, when it is created and when it starts.
 */
class RegisteredModelsIT extends AbtestIntegrationTest {

    private static final String STORED = "2026-12-04T10-00-00Z";

    private static final String INCOMPLETE = "2026-12-05T10-00-00Z";

    private static final String MODELS = """
            [{"algorithm":"ease","serving":"%1$s","versions":[
                {"version":"%1$s","complete":true,"serving":true},
                {"version":"%2$s","complete":false,"serving":false}]},
             {"algorithm":"als","serving":null,"versions":[{"version":"%1$s","complete":true,"serving":false}]}]
            """.formatted(STORED, INCOMPLETE);

    private final FakeModelRegistry registry = FakeModelRegistry.instance();

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private JdbcClient jdbc;

    @BeforeEach
    void emptyTablesAndServeEaseOnly() {
        AbtestDatabase.empty(this.jdbc);
        this.registry.models(MODELS);
    }

    @Test
    void createsAnExperimentOnAServingAlgorithmAndAStoredCompleteVersion() {
        // when
        MvcTestResult created = create("ease", "als@" + STORED);

        // then
        assertThat(created).hasStatus(HttpStatus.CREATED);
    }

    @Test
    void refusesAModelTheRegistryCannotServeNamingTheVariant() {
        // when: an algorithm it lacks, one serving nothing, an incomplete version, a version it does not store
        List<MvcTestResult> refused = List.of(create("ease", "content"), create("ease", "als"),
                create("ease", "ease@" + INCOMPLETE), create("ease", "ease@2026-12-06T10-00-00Z"));

        // then
        assertThat(refused).extracting((result) -> result.getResponse().getStatus()).containsOnly(400);
        assertThat(refused).extracting((result) -> result.getResponse().getContentType())
            .containsOnly(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        for (MvcTestResult result : refused) {
            assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("variants[1].model");
        }
        assertThat(AbtestDatabase.count(this.jdbc, "experiment")).isZero();
    }

    @Test
    void refusesToStartWhenTheRegistryNoLongerServesTheModel() {
        // given
        create("ease", "als@" + STORED);
        this.registry.models(MODELS.replace("\"complete\":true,\"serving\":false", "\"complete\":false"));

        // when
        MvcTestResult started = admin(this.mvc.post().uri("/v1/experiments/ease-test/start"));

        // then
        assertThat(started).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field")
            .isEqualTo("variants[1].model");
        assertThat(admin(this.mvc.get().uri("/v1/experiments/ease-test"))).bodyJson().extractingPath("$.status")
            .isEqualTo("draft");
    }

    @Test
    void answersServiceUnavailableWhenTheRegistryCannotBeRead() {
        // given
        this.registry.modelsStatus(500);

        // when
        MvcTestResult created = create("ease", "als@" + STORED);

        // then
        assertThat(created).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
            .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(AbtestDatabase.count(this.jdbc, "experiment")).isZero();
    }

    private MvcTestResult create(String control, String treatment) {
        String body = """
                {"key":"ease-test","surface":"home",
                 "variants":[{"name":"control","weight":50,"model":"%s"},
                             {"name":"treatment","weight":50,"model":"%s"}]}
                """.formatted(control, treatment);
        return admin(this.mvc.post().uri("/v1/experiments").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private MvcTestResult admin(MockMvcTester.MockMvcRequestBuilder request) {
        return request.header("X-User-Id", "admin-7").header("X-User-Scopes", "experiments:admin").exchange();
    }

}
