package io.curio.inference.recommendation;

import java.util.List;
import java.util.Set;

import io.curio.inference.model.Models;
import io.curio.inference.model.NeighbourModel;
import io.curio.inference.model.PopularityModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RankingTests {

    private final NeighbourModel neighbours = Models.neighbours("v1");

    private final PopularityModel popularity = Models.popularity("v1", new String[] { "e", "d", "c", "b", "a" },
            new float[] { 50, 40, 30, 20, 10 });

    private final Ranking everyBook = new Ranking((bookId) -> true);

    @Test
    void sumsTheNeighbourSimilaritiesOfTheLikedBooks() {
        UserHistory history = history(entry("a", "click", null), entry("b", "open", null));

        List<ScoredBook> ranked = this.everyBook.rank(this.neighbours, this.popularity.popular(), history, 3);

        assertThat(ranked).extracting(ScoredBook::bookId).containsExactly("a", "b", "c");
        assertThat(ranked.get(0).score()).isCloseTo(0.9f, within(1e-6f));
        assertThat(ranked.get(2).score()).isCloseTo(0.5f, within(1e-6f));
    }

    @Test
    void findsTheBestAllowedBooksWhenTheBestScoredOnesAreAllOutsideTheCatalogue() {
        int books = 200;
        String[] ids = new String[books];
        float[] scores = new float[books];
        for (int book = 0; book < books; book++) {
            ids[book] = "book-" + book;
            scores[book] = books - book;
        }
        PopularityModel ranked = Models.popularity("v1", ids, scores);
        Ranking lastTenOnly = new Ranking((bookId) -> Integer.parseInt(bookId.substring(5)) >= books - 10);
        UserHistory history = history(entry("book-0", "click", null));

        List<ScoredBook> listed = lastTenOnly.rank(ranked, ranked.popular(), history, 3);

        assertThat(listed).extracting(ScoredBook::bookId).containsExactly("book-190", "book-191", "book-192");
    }

    @Test
    void excludesBooksTheReaderRatedOrFinished() {
        UserHistory history = history(entry("a", "rate", 5), entry("b", "finish", null));

        List<ScoredBook> ranked = this.everyBook.rank(this.neighbours, this.popularity.popular(), history, 5);

        assertThat(ranked).extracting(ScoredBook::bookId).doesNotContain("a", "b").startsWith("c", "d");
    }

    @Test
    void ignoresLowRatingsAsSignalButStillExcludesTheBook() {
        UserHistory history = history(entry("a", "rate", 2));

        List<ScoredBook> ranked = this.everyBook.rank(this.neighbours, this.popularity.popular(), history, 2);

        assertThat(ranked).extracting(ScoredBook::bookId).containsExactly("e", "d");
    }

    @Test
    void fillsFromPopularityBelowThePersonalizedScores() {
        UserHistory history = history(entry("a", "finish", null));

        List<ScoredBook> ranked = this.everyBook.rank(this.neighbours, this.popularity.popular(), history, 5);

        assertThat(ranked).extracting(ScoredBook::bookId).containsExactly("b", "c", "e", "d");
        assertThat(ranked).extracting(ScoredBook::score).isSortedAccordingTo((x, y) -> Float.compare(y, x));
        assertThat(ranked.get(2).score()).isLessThan(ranked.get(1).score());
    }

    @Test
    void givesAReaderWithoutHistoryAFullListOfPopularBooks() {
        List<ScoredBook> ranked = this.everyBook.rank(this.neighbours, this.popularity.popular(),
                UserHistory.empty(), 3);

        assertThat(ranked).extracting(ScoredBook::bookId).containsExactly("e", "d", "c");
        assertThat(ranked).extracting(ScoredBook::score).containsExactly(50f, 40f, 30f);
    }

    @Test
    void keepsOnlyBooksOfTheActiveCatalogue() {
        Ranking catalogue = new Ranking(Set.of("b", "d")::contains);

        List<ScoredBook> ranked = catalogue.rank(this.neighbours, this.popularity.popular(),
                history(entry("a", "click", null)), 5);

        assertThat(ranked).extracting(ScoredBook::bookId).containsExactly("b", "d");
    }

    @Test
    void ranksAPopularityModelByItsOwnScores() {
        List<ScoredBook> ranked = this.everyBook.rank(this.popularity, this.popularity.popular(),
                history(entry("e", "rate", 4)), 2);

        assertThat(ranked).extracting(ScoredBook::bookId).containsExactly("d", "c");
    }

    @Test
    void listsEachBookOnce() {
        UserHistory history = history(entry("a", "click", null), entry("b", "click", null));

        List<ScoredBook> ranked = this.everyBook.rank(this.neighbours, this.popularity.popular(), history, 5);

        assertThat(ranked).extracting(ScoredBook::bookId).doesNotHaveDuplicates().hasSize(5);
    }

    private static UserHistory history(UserHistory.Entry... entries) {
        return new UserHistory(List.of(entries));
    }

    private static UserHistory.Entry entry(String bookId, String type, Integer value) {
        return new UserHistory.Entry(bookId, type, value);
    }

}
