package io.curio.feature.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.curio.events.DataHubKeys;
import io.curio.feature.AbstractFeatureServiceIT;
import io.curio.feature.Events;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryImportIT extends AbstractFeatureServiceIT {

    private static final Instant DAY_ONE = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void importsHubObjectsWithProgressAndReimportInsertsNothing() {
        // given
        putObject(DataHubKeys.importedEvents(DAY_ONE, "goodbooks", 0), gzipLines(List.of(
                Events.json(Events.rate("h-1", "1", "10", 5, "2017-01-01T00:00:00Z")),
                Events.json(Events.rate("h-2", "1", "11", 2, "2017-01-01T00:00:01Z")),
                "not json",
                Events.json(Events.upgrade("h-3", "1", "2017-01-01T00:00:02Z")))));
        putObject(DataHubKeys.rawEvents(DAY_ONE, "shardId-000000000001", "4960"), gzipLines(List.of(
                Events.json(Events.open("h-4", "2", "10", "2017-01-02T00:00:00Z")),
                Events.json(Events.rate("h-1", "1", "10", 5, "2017-01-01T00:00:00Z")))));
        putObject(DataHubKeys.importedEvents(DAY_ONE.plus(Duration.ofDays(1)), "goodbooks", 1), gzipLines(List.of(
                Events.json(Events.open("h-9", "3", "10", "2017-01-03T00:00:00Z")))));

        // when
        JsonNode first = finished(start("raw/events/dt=2026-12-01/"));
        JsonNode again = finished(start("raw/events/dt=2026-12-01/"));

        // then
        assertThat(first.get("state").asString()).isEqualTo("succeeded");
        assertThat(first.get("objectsDone").asInt()).isEqualTo(2);
        assertThat(first.get("objectsTotal").asInt()).isEqualTo(2);
        assertThat(first.get("events").asLong()).isEqualTo(4);
        assertThat(first.get("inserted").asLong()).isEqualTo(3);
        assertThat(first.get("error").isNull()).isTrue();
        assertThat(again.get("events").asLong()).isEqualTo(4);
        assertThat(again.get("inserted").asLong()).isZero();
        assertThat(this.jdbc.sql("select event_id from interactions order by event_id").query(String.class).list())
            .containsExactly("h-1", "h-2", "h-4");
    }

    @Test
    void failsAnImportWhoseObjectIsNotGzip() {
        // given
        putObject("raw/events/dt=2026-12-05/hr=00/import-broken-00000.jsonl.gz", "plain text");

        // when
        JsonNode status = finished(start("raw/events/dt=2026-12-05/"));

        // then
        assertThat(status.get("state").asString()).isEqualTo("failed");
        assertThat(status.get("objectsDone").asInt()).isZero();
        assertThat(status.get("error").asString()).contains("ZipException");
    }

    @Test
    void rejectsAPrefixOutsideRawEvents() {
        // when
        ResponseEntity<JsonNode> response = http().post()
            .uri("/internal/history/imports")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("prefix", "models/"))
            .retrieve()
            .toEntity(JsonNode.class);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asString()).startsWith("prefix:");
        assertThat(response.getBody().get("title").asString()).isNotBlank();
    }

    @Test
    void rejectsABodyThatIsNotJson() {
        // when
        ResponseEntity<JsonNode> response = http().post()
            .uri("/internal/history/imports")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"prefix\":")
            .retrieve()
            .toEntity(JsonNode.class);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("type").asString()).isEqualTo("urn:curio:problem:bad-request");
        assertThat(response.getBody().get("title").asString()).isNotBlank();
        assertThat(response.getBody().get("detail").asString()).isNotBlank();
    }

    @Test
    void answersNotFoundForAnUnknownImport() {
        // when
        ResponseEntity<JsonNode> response = http().get()
            .uri("/internal/history/imports/{id}", "no-such-import")
            .retrieve()
            .toEntity(JsonNode.class);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(404);
        assertThat(response.getBody().get("type").asString()).isEqualTo("urn:curio:problem:not-found");
    }

    private String start(String prefix) {
        ResponseEntity<JsonNode> response = http().post()
            .uri("/internal/history/imports")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("prefix", prefix))
            .retrieve()
            .toEntity(JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return response.getBody().get("id").asString();
    }

    private JsonNode finished(String id) {
        return ImportJobs.awaitFinished(http(), id, Duration.ofSeconds(30));
    }

}
