package io.curio.inference.evaluation;

import java.util.Arrays;

import io.curio.inference.model.RankedBooks;
import io.curio.inference.model.RecommendationModel;

/**
 * A model's books by its popularity ranking, both ways: rank to book index and book index to rank. Books the
 * ranking leaves out come after it, by index.
 */
final class PopularityOrder {

    private final int[] rankOfBook;

    private final int[] bookAtRank;

    private PopularityOrder(int[] rankOfBook, int[] bookAtRank) {
        this.rankOfBook = rankOfBook;
        this.bookAtRank = bookAtRank;
    }

    static PopularityOrder of(RecommendationModel model) {
        int books = model.books().size();
        int[] rankOfBook = new int[books];
        Arrays.fill(rankOfBook, -1);
        int[] bookAtRank = new int[books];
        int next = 0;
        RankedBooks popular = model.popular();
        for (int rank = 0; rank < popular.size(); rank++) {
            int book = model.books().indexOf(popular.bookAt(rank));
            if (book >= 0 && rankOfBook[book] < 0) {
                rankOfBook[book] = next;
                bookAtRank[next++] = book;
            }
        }
        for (int book = 0; book < books; book++) {
            if (rankOfBook[book] < 0) {
                rankOfBook[book] = next;
                bookAtRank[next++] = book;
            }
        }
        return new PopularityOrder(rankOfBook, bookAtRank);
    }

    int rankOf(int book) {
        return this.rankOfBook[book];
    }

    int bookAt(int rank) {
        return this.bookAtRank[rank];
    }

}
