package io.curio.feature.attributes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SnapshotParserTests {

    private static final SnapshotKey BOOKS = SnapshotKey.parse(Entity.BOOKS,
            "raw/books/dt=2026-12-04/1764849600000.json").orElseThrow();

    private static final SnapshotKey USERS = SnapshotKey.parse(Entity.USERS,
            "raw/users/dt=2026-12-04/1764849600000.json").orElseThrow();

    private final SnapshotParser parser = new SnapshotParser();

    @Test
    void readsBooksWithTheirAttributes() {
        // given
        String json = snapshot("books", """
                {"bookId":"1","title":"The Hunger Games","authors":["Suzanne Collins"],"language":"eng",
                 "year":2008,"tags":["fantasy","young-adult"],"averageRating":4.34,"imageUrl":"https://i/1.jpg",
                 "premiumOnly":true}""");

        // when
        Snapshot<BookAttributes> snapshot = this.parser.books(BOOKS, bytes(json));

        // then
        assertThat(snapshot.polledAt()).isEqualTo(Instant.parse("2026-12-04T12:00:00Z"));
        assertThat(snapshot.items()).containsExactly(new BookAttributes("1", "The Hunger Games",
                java.util.List.of("Suzanne Collins"), "eng", 2008, java.util.List.of("fantasy", "young-adult"), true));
    }

    @Test
    void acceptsAYearWrittenAsAWholeDecimalAndMissingOptionalAttributes() {
        // given
        String json = snapshot("books", "{\"bookId\":\"2\",\"title\":\"Odyssey\",\"year\":-800.0}");

        // when
        BookAttributes book = this.parser.books(BOOKS, bytes(json)).items().get(0);

        // then
        assertThat(book.year()).isEqualTo(-800);
        assertThat(book.authors()).isEmpty();
        assertThat(book.language()).isNull();
        assertThat(book.premiumOnly()).isFalse();
    }

    @Test
    void refusesABookWhosePremiumOnlyFlagIsNotABoolean() {
        // given
        String json = snapshot("books", "{\"bookId\":\"1\",\"title\":\"A\",\"premiumOnly\":\"yes\"}");

        // when / then
        assertThatExceptionOfType(MalformedSnapshotException.class)
            .isThrownBy(() -> this.parser.books(BOOKS, bytes(json)))
            .withMessageContaining("items[0].premiumOnly must be true or false");
    }

    @Test
    void refusesASnapshotRepeatingABook() {
        // given
        String json = snapshot("books", "{\"bookId\":\"1\",\"title\":\"A\"},{\"bookId\":\"1\",\"title\":\"B\"}");

        // when / then
        assertThatExceptionOfType(MalformedSnapshotException.class)
            .isThrownBy(() -> this.parser.books(BOOKS, bytes(json)))
            .withMessageContaining("items[1] repeats id 1");
    }

    @Test
    void refusesASnapshotOfAnotherEntity() {
        // given
        String json = snapshot("users", "{\"userId\":\"1\"}");

        // when / then
        assertThatExceptionOfType(MalformedSnapshotException.class)
            .isThrownBy(() -> this.parser.books(BOOKS, bytes(json)))
            .withMessageContaining("entity is users, expected books");
    }

    @Test
    void refusesABookWhoseAuthorsAreNotStrings() {
        // given
        String json = snapshot("books", "{\"bookId\":\"1\",\"title\":\"A\",\"authors\":[1]}");

        // when / then
        assertThatExceptionOfType(MalformedSnapshotException.class)
            .isThrownBy(() -> this.parser.books(BOOKS, bytes(json)))
            .withMessageContaining("items[0].authors must be an array of strings");
    }

    @Test
    void refusesAnEmptyBooksSnapshotThatWouldEmptyTheCatalogue() {
        // when / then
        assertThatExceptionOfType(MalformedSnapshotException.class)
            .isThrownBy(() -> this.parser.books(BOOKS, bytes(snapshot("books", ""))))
            .withMessageContaining("lists no book");
    }

    @Test
    void refusesTruncatedJson() {
        // when / then
        assertThatExceptionOfType(MalformedSnapshotException.class)
            .isThrownBy(() -> this.parser.users(USERS, bytes("{\"entity\":\"users\",\"items\":[")))
            .withMessageContaining("invalid JSON");
    }

    @Test
    void readsUsers() {
        // given
        String json = snapshot("users", "{\"userId\":\"42\",\"plan\":\"premium\",\"language\":\"eng\"}");

        // when
        Snapshot<UserAttributes> snapshot = this.parser.users(USERS, bytes(json));

        // then
        assertThat(snapshot.items()).containsExactly(new UserAttributes("42", "premium", "eng"));
    }

    private static String snapshot(String entity, String items) {
        return "{\"entity\":\"" + entity + "\",\"polledAt\":\"2026-12-04T12:00:00Z\",\"source\":\"http://x/"
                + entity + "\",\"items\":[" + items + "]}";
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

}
