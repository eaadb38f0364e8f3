package io.curio.feature.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.curio.events.stream.EventBatch;
import io.curio.feature.AbstractFeatureServiceIT;
import io.curio.feature.Events;
import io.curio.feature.interactions.StreamedEventsHandler;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileIT extends AbstractFeatureServiceIT {

    @Autowired
    private StreamedEventsHandler handler;

    @Test
    void answersAttributesAndNewestFirstHistoryInTheDocumentedShape() {
        // given
        putObject("raw/users/dt=2026-12-04/1764849600000.json", """
                {"entity":"users","polledAt":"2026-12-04T12:00:00Z","source":"http://127.0.0.1:9100/users",
                 "items":[{"userId":"42","plan":"premium","language":"eng"}]}""");
        http().post().uri("/internal/attributes/refresh").retrieve().toBodilessEntity();
        apply(List.of(Events.rate("p-1", "42", "258", 5, "2026-12-04T10:00:00Z"),
                Events.open("p-2", "42", "7", "2026-12-04T11:00:00Z"),
                Events.open("p-3", "43", "9", "2026-12-04T12:00:00Z")));

        // when
        ResponseEntity<JsonNode> response = profile("42");

        // then
        JsonNode profile = response.getBody();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(profile.propertyNames()).containsExactly("userId", "attributes", "history");
        assertThat(profile.get("userId").asString()).isEqualTo("42");
        assertThat(profile.at("/attributes/plan").asString()).isEqualTo("premium");
        assertThat(profile.at("/attributes/language").asString()).isEqualTo("eng");
        assertThat(profile.get("history")).hasSize(2);
        JsonNode newest = profile.at("/history/0");
        assertThat(newest.propertyNames()).containsExactly("bookId", "type", "value", "occurredAt");
        assertThat(newest.get("bookId").asString()).isEqualTo("7");
        assertThat(newest.get("value").isNull()).isTrue();
        assertThat(newest.get("occurredAt").asString()).isEqualTo("2026-12-04T11:00:00Z");
        assertThat(profile.at("/history/1/type").asString()).isEqualTo("rate");
        assertThat(profile.at("/history/1/value").asInt()).isEqualTo(5);
    }

    @Test
    void answersAnUnknownUserWithNoAttributesAndAnEmptyHistory() {
        // when
        ResponseEntity<JsonNode> response = profile("nobody");

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("attributes").isNull()).isTrue();
        assertThat(response.getBody().get("history")).isEmpty();
    }

    @Test
    void limitsTheHistoryToTheNewestFiveHundred() {
        // given
        List<io.curio.events.EngagementEvent> events = new ArrayList<>();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 501; i++) {
            events.add(Events.open("l-" + i, "7", "b-" + i, start.plusSeconds(i).toString()));
        }
        apply(events);

        // when
        JsonNode history = profile("7").getBody().get("history");

        // then
        assertThat(history).hasSize(500);
        assertThat(history.get(0).get("bookId").asString()).isEqualTo("b-500");
        assertThat(history.get(499).get("bookId").asString()).isEqualTo("b-1");
    }

    private ResponseEntity<JsonNode> profile(String userId) {
        return http().get().uri("/internal/users/{userId}/profile", userId).retrieve().toEntity(JsonNode.class);
    }

    private void apply(List<io.curio.events.EngagementEvent> events) {
        List<EventBatch.Record> records = new ArrayList<>();
        for (var event : events) {
            byte[] data = Events.CODEC.encode(event);
            records.add(new EventBatch.Record(event.eventId(), data, Events.CODEC.decode(data)));
        }
        this.handler.handle(new EventBatch("shardId-000000000000", "0", Instant.now(), records));
    }

}
