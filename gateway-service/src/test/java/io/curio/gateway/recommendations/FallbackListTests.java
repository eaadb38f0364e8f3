package io.curio.gateway.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FallbackListTests {

    private final FallbackList list = new FallbackList(new FallbackList.ModelRef("popularity", "v1"), List.of(
            book("p1", true), book("f1", false), book("p2", true), book("f2", false), book("f3", false)));

    @Test
    void leavesPremiumOnlyBooksOutForFreeReaders() {
        // when
        DegradedList answer = list.answer("r1", ListRequest.of("42", "free", null, Map.of("limit", List.of("3"))));

        // then
        assertThat(answer.items()).extracting(DegradedList.Item::bookId).containsExactly("f1", "f2", "f3");
    }

    @Test
    void showsPremiumReadersEveryBookUpToTheLimit() {
        // when
        DegradedList answer = list.answer("r1", ListRequest.of("42", "premium", null, Map.of("limit", List.of("3"))));

        // then
        assertThat(answer.items()).extracting(DegradedList.Item::bookId).containsExactly("p1", "f1", "p2");
    }

    @Test
    void answersDegradedOutsideEveryExperiment() {
        // when
        DegradedList answer = list.answer("r1", ListRequest.of("42", "free", null, Map.of("surface", List.of("s"))));

        // then
        assertThat(answer).extracting(DegradedList::requestId, DegradedList::userId, DegradedList::surface,
                DegradedList::experiment, DegradedList::degraded).containsExactly("r1", "42", "s", null, true);
        assertThat(answer.model()).isEqualTo(new FallbackList.ModelRef("popularity", "v1"));
    }

    @Test
    void isUnusableWithoutBooks() {
        assertThat(new FallbackList(new FallbackList.ModelRef("popularity", "v1"), List.of()).isUsable()).isFalse();
        assertThat(list.isUsable()).isTrue();
    }

    private static FallbackList.FallbackBook book(String bookId, boolean premiumOnly) {
        return new FallbackList.FallbackBook(bookId, "Title " + bookId, List.of("Author"), 1.0, premiumOnly);
    }
}
