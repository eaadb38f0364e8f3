package io.curio.ingestion;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AttributePollingIT extends IngestionContext {

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    private S3Client s3;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    @Qualifier("attributesHealthIndicator")
    private HealthIndicator health;

    @LocalServerPort
    private int port;

    /** Polls once more after a recovery, so that failures of several tests never add up to an open circuit. */
    @AfterEach
    void recoverUsers() throws Exception {
        AttributeEndpoints.failUsers(false);
        poll();
    }

    @Test
    void writesOneSnapshotPerEntityWithEveryPageVerbatim() throws Exception {
        // when
        HttpResponse<String> response = post("/internal/attributes/polls", "", null);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = this.json.readTree(response.body());
        assertThat(report.at("/books/items").asInt()).isEqualTo(3);
        assertThat(report.at("/users/items").asInt()).isEqualTo(1);
        String key = report.at("/books/key").asString();
        assertThat(key).matches("raw/books/dt=\\d{4}-\\d{2}-\\d{2}/\\d+\\.json");
        JsonNode snapshot = this.json.readTree(object(key));
        assertThat(snapshot.get("entity").asString()).isEqualTo("books");
        assertThat(snapshot.get("source").asString()).endsWith("/books");
        assertThat(snapshot.get("polledAt").asString()).isNotBlank();
        assertThat(snapshot.get("items")).hasSize(3);
        assertThat(snapshot.get("items").get(2)).isEqualTo(this.json.readTree(AttributeEndpoints.BOOKS.get(2)));
    }

    @Test
    void writesNothingForAFailingEndpointAndCountsIt() throws Exception {
        // given
        AttributeEndpoints.failUsers(true);
        List<String> usersBefore = keys("raw/users/");
        double failuresBefore = failures();

        // when
        HttpResponse<String> response = post("/internal/attributes/polls", "", null);

        // then
        JsonNode report = this.json.readTree(response.body());
        assertThat(report.at("/users/error").asString()).contains("/users").contains("2 attempts");
        assertThat(report.at("/users/key").isMissingNode()).isTrue();
        assertThat(report.at("/books/items").asInt()).isEqualTo(3);
        assertThat(keys("raw/users/")).isEqualTo(usersBefore);
        assertThat(failures()).isEqualTo(failuresBefore + 1);
    }

    @Test
    void keepsTheLastGoodSnapshotInForceAndReportsItsAgeWhileTheEndpointFails() throws Exception {
        // given
        String inForce = poll().at("/users/key").asString();
        AttributeEndpoints.failUsers(true);
        List<String> usersBefore = keys("raw/users/");

        // when
        poll();
        JsonNode failed = poll();

        // then
        assertThat(failed.at("/users/outcome").asString()).isEqualTo("failure");
        assertThat(keys("raw/users/")).isEqualTo(usersBefore).contains(inForce);
        Health health = this.health.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails().get("users")).asInstanceOf(InstanceOfAssertFactories.MAP)
            .containsEntry("snapshot", inForce)
            .containsEntry("consecutiveFailures", 2)
            .containsEntry("circuit", "closed")
            .containsEntry("stale", false)
            .containsKeys("lastSuccess", "ageSeconds")
            .hasEntrySatisfying("lastError", (error) -> assertThat(error.toString()).contains("answered 500"));
        assertThat(age("users")).isGreaterThan(0);
        assertThat(get("/actuator/health").body()).contains("\"UP\"");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void writesNoSnapshotWhileTheCollectionIsUnchanged() throws Exception {
        // given
        String inForce = poll().at("/books/key").asString();
        List<String> booksBefore = keys("raw/books/");
        double unchangedBefore = polls("books", "unchanged");

        // when
        JsonNode report = poll();

        // then
        assertThat(report.at("/books/outcome").asString()).isEqualTo("unchanged");
        assertThat(report.at("/books/key").asString()).isEqualTo(inForce);
        assertThat(report.at("/books/items").asInt()).isEqualTo(3);
        assertThat(keys("raw/books/")).isEqualTo(booksBefore);
        assertThat(polls("books", "unchanged")).isEqualTo(unchangedBefore + 1);
        assertThat(age("books")).isLessThan(5);
        JsonNode confirmation = this.json.readTree(object("raw/books/confirmed.json"));
        assertThat(confirmation.get("snapshot").asString()).isEqualTo(inForce);
        assertThat(Instant.parse(confirmation.get("confirmedAt").asString())).isAfter(Instant.now().minusSeconds(60));
    }

    private JsonNode poll() throws IOException, InterruptedException {
        HttpResponse<String> response = post("/internal/attributes/polls", "", null);
        assertThat(response.statusCode()).isEqualTo(200);
        return this.json.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private double age(String entity) {
        return this.meters.get("curio.ingestion.attributes.snapshot.age").tag("entity", entity).gauge().value();
    }

    private double polls(String entity, String outcome) {
        return this.meters.counter("curio.ingestion.attributes.polls", "entity", entity, "outcome", outcome).count();
    }

    private double failures() {
        return polls("users", "failure");
    }

    private byte[] object(String key) {
        return this.s3.getObjectAsBytes((request) -> request.bucket(IngestionInfrastructure.BUCKET).key(key))
            .asByteArray();
    }

    private List<String> keys(String prefix) {
        return this.s3.listObjectsV2Paginator((request) -> request.bucket(IngestionInfrastructure.BUCKET)
                .prefix(prefix))
            .contents()
            .stream()
            .map(S3Object::key)
            .toList();
    }

}
