package io.curio.feature.attributes;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.curio.feature.AbstractFeatureServiceIT;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class AttributeSnapshotIT extends AbstractFeatureServiceIT {

    private static final AtomicLong POLLS = new AtomicLong(1764806400000L);

    private final String first = snapshotKey("2026-12-03");

    private final String second = snapshotKey("2026-12-04");

    @Autowired
    private MeterRegistry meters;

    @Autowired
    @Qualifier("attributesHealthIndicator")
    private HealthIndicator health;

    @Test
    void snapshotDiffRemovesABookAndRenamesAnother() {
        // given
        putObject(this.first, books("2026-12-03T00:00:00Z", book("1", "The Hunger Games"), book("2", "Dune"),
                book("3", "Emma")));
        refresh();
        putObject(this.second,
                books("2026-12-04T00:00:00Z", book("1", "The Hunger Games (Book 1)"), book("2", "Dune")));

        // when
        JsonNode outcome = refresh().getBody();

        // then
        assertThat(outcome.at("/books/state").asString()).isEqualTo("applied");
        assertThat(outcome.at("/books/changed").asInt()).isEqualTo(1);
        assertThat(outcome.at("/books/deactivated").asInt()).isEqualTo(1);
        JsonNode catalogue = catalogue(null).getBody();
        assertThat(catalogue.get("version").asString()).isEqualTo(this.second);
        assertThat(catalogue.get("items")).extracting((item) -> item.get("bookId").asString() + ":"
                + item.get("title").asString())
            .containsExactly("1:The Hunger Games (Book 1)", "2:Dune");
        assertThat(this.jdbc.sql("select active from books where book_id = '3'").query(Boolean.class).single())
            .isFalse();
    }

    @Test
    void keepsABookTheSnapshotWithholdsAsMalformed() {
        // given
        putObject(this.first, books("2026-12-03T00:00:00Z", book("1", "The Hunger Games"), book("2", "Dune")));
        refresh();
        putObject(this.second, withheld(books("2026-12-04T00:00:00Z", book("2", "Dune")), "1"));

        // when
        JsonNode outcome = refresh().getBody();

        // then
        assertThat(outcome.at("/books/state").asString()).isEqualTo("applied");
        assertThat(outcome.at("/books/deactivated").asInt()).isZero();
        assertThat(catalogue(null).getBody().get("items")).extracting((item) -> item.get("bookId").asString() + ":"
                + item.get("title").asString())
            .containsExactly("1:The Hunger Games", "2:Dune");
    }

    @Test
    void servesBookAttributesInTheDocumentedShape() {
        // given
        putObject(this.first, books("2026-12-03T00:00:00Z", book("7", "Emma")));
        refresh();

        // when
        JsonNode item = catalogue(null).getBody().at("/items/0");

        // then
        assertThat(item.propertyNames()).containsExactlyInAnyOrder("bookId", "title", "authors", "language", "year",
                "tags", "premiumOnly");
        assertThat(item.get("authors").get(0).asString()).isEqualTo("Jane Austen");
        assertThat(item.get("year").asInt()).isEqualTo(1815);
        assertThat(item.get("tags")).extracting(JsonNode::asString).containsExactly("classics", "romance");
    }

    @Test
    void servesWhichBooksArePremiumOnlyAndAppliesAChangeOfThatFlagAlone() {
        // given
        putObject(this.first, books("2026-12-03T00:00:00Z", premiumOnly(book("1", "Dune")), book("2", "Emma")));
        refresh();
        JsonNode before = catalogue(null).getBody();
        putObject(this.second, books("2026-12-04T00:00:00Z", book("1", "Dune"), book("2", "Emma")));

        // when
        JsonNode outcome = refresh().getBody();

        // then
        assertThat(before.get("items")).extracting((item) -> item.get("bookId").asString() + ":"
                + item.get("premiumOnly").asBoolean())
            .containsExactly("1:true", "2:false");
        assertThat(outcome.at("/books/changed").asInt()).isEqualTo(1);
        assertThat(catalogue(null).getBody().get("items")).extracting((item) -> item.get("premiumOnly").asBoolean())
            .containsExactly(false, false);
    }

    @Test
    void refusesMalformedSnapshotWholeAndKeepsThePrevious() {
        // given
        putObject(this.first, books("2026-12-03T00:00:00Z", book("1", "Dune"), book("2", "Emma")));
        refresh();
        putObject(this.second, """
                {"entity":"books","polledAt":"2026-12-04T00:00:00Z","source":"http://127.0.0.1:9100/books",
                 "items":[{"bookId":"1","title":"Dune Messiah","authors":[]},{"bookId":"2","authors":[]}]}""");

        // when
        JsonNode outcome = refresh().getBody();

        // then
        assertThat(outcome.at("/books/state").asString()).isEqualTo("refused");
        assertThat(outcome.at("/books/reason").asString()).contains("items[1].title is missing");
        JsonNode catalogue = catalogue(null).getBody();
        assertThat(catalogue.get("version").asString()).isEqualTo(this.first);
        assertThat(catalogue.get("items")).extracting((item) -> item.get("title").asString())
            .containsExactly("Dune", "Emma");
    }

    @Test
    void answersNotModifiedUntilANewSnapshotIsApplied() {
        // given
        putObject(this.first, books("2026-12-03T00:00:00Z", book("1", "Dune")));
        refresh();
        String etag = catalogue(null).getHeaders().getETag();

        // when
        ResponseEntity<JsonNode> unchanged = catalogue(etag);
        putObject(this.second, books("2026-12-04T00:00:00Z", book("1", "Dune"), book("2", "Emma")));
        refresh();
        ResponseEntity<JsonNode> changed = catalogue(etag);

        // then
        assertThat(etag).isNotBlank();
        assertThat(unchanged.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getHeaders().getETag()).isNotEqualTo(etag);
        assertThat(changed.getBody().get("items")).hasSize(2);
    }

    @Test
    void appliesUserSnapshotsAndReportsTheirAge() {
        // given
        putObject("raw/users/dt=2026-12-03/" + POLLS.addAndGet(1000) + ".json", """
                {"entity":"users","polledAt":"2026-12-03T00:00:00Z","source":"http://127.0.0.1:9100/users",
                 "items":[{"userId":"42","plan":"premium","language":"eng"}]}""");

        // when
        JsonNode outcome = refresh().getBody();

        // then
        assertThat(outcome.at("/users/state").asString()).isEqualTo("applied");
        assertThat(outcome.at("/books/state").asString()).isEqualTo("none");
        assertThat(this.meters.get("curio.feature.attributes.snapshot.age").tag("entity", "users").gauge().value())
            .isGreaterThan(0);
    }

    @Test
    void countsAConfirmedSnapshotAsCurrentAndAnUnconfirmedOldOneAsStale() {
        // given
        putObject(this.first, books("2026-12-03T00:00:00Z", book("1", "Dune")));
        refresh();
        Map<String, Object> unconfirmed = healthOf("books");

        // when
        putObject("raw/books/confirmed.json", "{\"entity\":\"books\",\"snapshot\":\"" + this.first
                + "\",\"confirmedAt\":\"" + Instant.now() + "\"}");
        refresh();

        // then
        assertThat(unconfirmed).containsEntry("snapshot", this.first).containsEntry("stale", true);
        assertThat(healthOf("books")).containsEntry("snapshot", this.first)
            .containsEntry("polledAt", "2026-12-03T00:00:00Z")
            .containsEntry("stale", false);
        assertThat(this.meters.get("curio.feature.attributes.snapshot.age").tag("entity", "books").gauge().value())
            .isBetween(0.0, 60.0);
    }

    @Test
    void ignoresAConfirmationOfAnotherSnapshot() {
        // given
        putObject(this.first, books("2026-12-03T00:00:00Z", book("1", "Dune")));
        putObject("raw/books/confirmed.json", "{\"entity\":\"books\",\"snapshot\":\"raw/books/dt=2026-12-04/1.json\","
                + "\"confirmedAt\":\"" + Instant.now() + "\"}");

        // when
        refresh();

        // then
        assertThat(healthOf("books")).containsEntry("stale", true);
        assertThat(this.meters.get("curio.feature.attributes.snapshot.age").tag("entity", "books").gauge().value())
            .isGreaterThan(3600.0);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> healthOf(String entity) {
        return (Map<String, Object>) this.health.health().getDetails().get(entity);
    }

    /** A key no earlier test used: a refused snapshot key stays refused for the life of the service. */
    private static String snapshotKey(String day) {
        return "raw/books/dt=" + day + "/" + POLLS.addAndGet(1000) + ".json";
    }

    private ResponseEntity<JsonNode> refresh() {
        return http().post().uri("/internal/attributes/refresh").retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> catalogue(String ifNoneMatch) {
        var request = http().get().uri("/internal/books");
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    private static String books(String polledAt, Map<?, ?>... items) {
        return tools.jackson.databind.json.JsonMapper.shared()
            .writeValueAsString(Map.of("entity", "books", "polledAt", polledAt, "source",
                    "http://127.0.0.1:9100/books", "items", List.of(items)));
    }

    private static String withheld(String snapshot, String... ids) {
        return snapshot.substring(0, snapshot.length() - 1) + ",\"withheld\":"
                + tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(List.of(ids)) + "}";
    }

    private static Map<String, Object> premiumOnly(Map<String, Object> book) {
        Map<String, Object> premiumOnly = new HashMap<>(book);
        premiumOnly.put("premiumOnly", true);
        return premiumOnly;
    }

    private static Map<String, Object> book(String bookId, String title) {
        return Map.of("bookId", bookId, "title", title, "authors", List.of("Jane Austen"), "language", "eng",
                "year", 1815, "tags", List.of("classics", "romance"), "averageRating", 4.1, "imageUrl",
                "https://images.example/1.jpg");
    }

}
