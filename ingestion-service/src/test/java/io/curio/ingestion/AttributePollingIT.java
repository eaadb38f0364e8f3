package io.curio.ingestion;

import java.net.http.HttpResponse;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

    @AfterEach
    void recoverUsers() {
        AttributeEndpoints.failUsers(false);
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

    private double failures() {
        return this.meters.counter("curio.ingestion.attributes.polls", "entity", "users", "outcome", "failure")
            .count();
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
