package io.curio.inference.training;

import java.util.List;
import java.util.Set;

import io.curio.inference.model.Signal;
import io.curio.inference.recommendation.UserHistory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReaderHistoriesTests {

    @Test
    void drawsOnlyReadersWithEnoughBooksAndCutsTheirHistories() {
        InteractionsBuilder builder = new InteractionsBuilder();
        like(builder, "avid", 5, Signal.STRONG);
        like(builder, "keen", 4, Signal.SAVED);
        like(builder, "casual", 2, Signal.STRONG);

        ReaderHistories drawn = ReaderHistories.draw(builder.build(), 3, 10, 7L);

        assertThat(drawn.eligibleReaders()).isEqualTo(2);
        assertThat(drawn.histories()).hasSize(2).allSatisfy((history) -> {
            assertThat(history.history()).hasSize(3);
            assertThat(history.likedBooks()).hasSize(3);
        });
        assertThat(drawn.histories()).flatMap(UserHistory::history)
            .extracting(UserHistory.Entry::bookId)
            .noneMatch((bookId) -> bookId.startsWith("casual"));
    }

    @Test
    void listsStrongBooksAsRatingsOfFiveAndSavedBooksAsToReadMarks() {
        InteractionsBuilder builder = new InteractionsBuilder();
        like(builder, "rater", 2, Signal.STRONG);
        like(builder, "saver", 2, Signal.SAVED);

        List<UserHistory> histories = ReaderHistories.draw(builder.build(), 2, 10, 7L).histories();

        assertThat(histories).flatMap(UserHistory::history)
            .allSatisfy((entry) -> assertThat(entry).isEqualTo(entry.bookId().startsWith("rater")
                    ? new UserHistory.Entry(entry.bookId(), "rate", 5)
                    : new UserHistory.Entry(entry.bookId(), "add_to_library", null)));
        assertThat(histories).flatMap(UserHistory::consumedBooks)
            .containsExactlyInAnyOrderElementsOf(Set.of("rater-0", "rater-1"));
    }

    @Test
    void joinsReadersWhenNoneHasEnoughBooks() {
        InteractionsBuilder builder = new InteractionsBuilder();
        like(builder, "first", 3, Signal.STRONG);
        like(builder, "second", 3, Signal.STRONG);
        like(builder, "third", 3, Signal.STRONG);
        like(builder, "light", 1, Signal.STRONG);

        ReaderHistories drawn = ReaderHistories.draw(builder.build(), 6, 10, 7L);

        assertThat(drawn.eligibleReaders()).isZero();
        assertThat(drawn.readersPerHistory()).isEqualTo(2);
        assertThat(drawn.histories()).singleElement()
            .satisfies((history) -> assertThat(history.likedBooks()).hasSize(6).noneMatch((bookId) -> bookId
                .startsWith("light")));
    }

    @Test
    void drawsTheSameHistoriesForTheSameSeed() {
        InteractionsBuilder builder = new InteractionsBuilder();
        for (int reader = 0; reader < 20; reader++) {
            like(builder, "reader" + reader, 8, Signal.STRONG);
        }
        Interactions interactions = builder.build();

        ReaderHistories first = ReaderHistories.draw(interactions, 4, 5, 11L);
        ReaderHistories second = ReaderHistories.draw(interactions, 4, 5, 11L);

        assertThat(first.histories()).hasSize(5).isEqualTo(second.histories());
    }

    private static void like(InteractionsBuilder builder, String reader, int books, Signal signal) {
        for (int book = 0; book < books; book++) {
            builder.addPositive(reader, reader + "-" + book, 1_700_000_000L, signal);
        }
    }

}
