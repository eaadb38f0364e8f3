package io.curio.ingestion.attributes;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RecordSchemaTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void keepsWellFormedBooksVerbatimAndInOrder() {
        // given
        List<JsonNode> books = nodes("{\"bookId\":\"2\",\"title\":\"Emma\",\"year\":1815}",
                "{\"bookId\":\"1\",\"title\":\"Dune\",\"extra\":[1]}");

        // when
        ScreenedItems screened = RecordSchema.screen(AttributeEntity.BOOKS, books);

        // then
        assertThat(screened.accepted()).containsExactlyElementsOf(books);
        assertThat(screened.rejected()).isEmpty();
        assertThat(screened.rejectedShare()).isZero();
    }

    @Test
    void leavesOutMalformedBooksCountedByReason() {
        // given
        List<JsonNode> books = nodes("{\"bookId\":\"1\",\"title\":\"Dune\"}", "[1]", "{\"title\":\"No id\"}",
                "{\"bookId\":7,\"title\":\"Numeric id\"}", "{\"bookId\":\"  \",\"title\":\"Blank id\"}",
                "{\"bookId\":\"" + "x".repeat(129) + "\",\"title\":\"Long id\"}", "{\"bookId\":\"2\"}",
                "{\"bookId\":\"3\",\"title\":\" \"}", "{\"bookId\":\"1\",\"title\":\"Dune again\"}");

        // when
        ScreenedItems screened = RecordSchema.screen(AttributeEntity.BOOKS, books);

        // then
        assertThat(screened.accepted()).containsExactly(books.get(0));
        assertThat(screened.rejected()).containsOnly(entry("not-an-object", 1), entry("missing-id", 2),
                entry("blank-id", 1), entry("id-too-long", 1), entry("missing-title", 2), entry("duplicate-id", 1));
        assertThat(screened.rejectedCount()).isEqualTo(8);
        assertThat(screened.withheld()).containsExactly("2", "3");
    }

    @Test
    void leavesOutRecordsWhoseOptionalFieldsFeatureServiceCouldNotRead() {
        // given
        List<JsonNode> books = nodes("{\"bookId\":\"1\",\"title\":\"Dune\",\"authors\":[\"Frank Herbert\"],"
                + "\"tags\":null,\"language\":\"eng\",\"year\":-500,\"premiumOnly\":true}",
                "{\"bookId\":\"2\",\"title\":\"A\",\"authors\":\"B\"}",
                "{\"bookId\":\"3\",\"title\":\"A\",\"tags\":[1]}",
                "{\"bookId\":\"4\",\"title\":\"A\",\"year\":\"1999\"}",
                "{\"bookId\":\"5\",\"title\":\"A\",\"year\":19999}",
                "{\"bookId\":\"6\",\"title\":\"A\\u0000\"}",
                "{\"bookId\":\"7\",\"title\":\"A\",\"premiumOnly\":\"true\"}");
        List<JsonNode> users = nodes("{\"userId\":\"1\",\"plan\":null}", "{\"userId\":\"2\",\"plan\":1}");

        // when
        ScreenedItems screenedBooks = RecordSchema.screen(AttributeEntity.BOOKS, books);
        ScreenedItems screenedUsers = RecordSchema.screen(AttributeEntity.USERS, users);

        // then
        assertThat(screenedBooks.accepted()).containsExactly(books.get(0));
        assertThat(screenedBooks.rejected()).containsOnly(entry("invalid-field", 6));
        assertThat(screenedUsers.accepted()).containsExactly(users.get(0));
        assertThat(screenedUsers.rejected()).containsOnly(entry("invalid-field", 1));
        assertThat(screenedBooks.withheld()).containsExactly("2", "3", "4", "5", "6", "7");
        assertThat(screenedUsers.withheld()).containsExactly("2");
    }

    @Test
    void acceptsAnIdOfExactly128Characters() {
        // given
        List<JsonNode> books = nodes("{\"bookId\":\"" + "x".repeat(128) + "\",\"title\":\"Long id\"}");

        // when / then
        assertThat(RecordSchema.screen(AttributeEntity.BOOKS, books).accepted()).hasSize(1);
    }

    @Test
    void needsOnlyAUserIdFromUsers() {
        // given
        List<JsonNode> users = nodes("{\"userId\":\"1\"}", "{\"userId\":\"2\",\"plan\":\"premium\"}",
                "{\"plan\":\"free\"}");

        // when
        ScreenedItems screened = RecordSchema.screen(AttributeEntity.USERS, users);

        // then
        assertThat(screened.accepted()).hasSize(2);
        assertThat(screened.rejected()).containsOnly(entry("missing-id", 1));
        assertThat(screened.rejectedShare()).isEqualTo(1.0 / 3);
    }

    private List<JsonNode> nodes(String... items) {
        return List.of(items).stream().map(this.json::readTree).toList();
    }

    private static Map.Entry<String, Integer> entry(String reason, int count) {
        return Map.entry(reason, count);
    }

}
