package io.curio.inference.evaluation;

import java.util.Arrays;
import java.util.List;

import io.curio.inference.model.BookIndex;
import io.curio.inference.model.ReaderBooks;
import io.curio.inference.model.RecommendationModel;
import io.curio.inference.model.Signal;
import io.curio.inference.model.TopScores;

/**
 * Ranks every book of one model for held-out readers, one reader at a time, and adds each list to the metrics.
 * Books the model scores alike are ordered by its popularity ranking, as a served list is filled. Not
 * thread-safe: each scoring thread has its own.
 */
final class ReaderRanking {

    private final RecommendationModel model;

    private final PopularityOrder popularity;

    private final float[] scores;

    private final int[] excludedFor;

    private final int[] targetFor;

    private final TopScores top;

    private final int[] listed;

    private final float[] listedScores;

    private int serial;

    ReaderRanking(RecommendationModel model, PopularityOrder popularity) {
        int books = model.books().size();
        this.model = model;
        this.popularity = popularity;
        this.scores = new float[books];
        this.excludedFor = new int[books];
        this.targetFor = new int[books];
        this.top = new TopScores(EvaluationProtocol.LIST_LENGTH);
        this.listed = new int[EvaluationProtocol.LIST_LENGTH];
        this.listedScores = new float[EvaluationProtocol.LIST_LENGTH];
    }

    /** Ranks the books for the reader and adds the list to {@code metrics}. */
    void rank(HeldOutReader reader, RankingMetrics metrics) {
        this.serial++;
        mark(reader.excluded(), this.excludedFor);
        Arrays.fill(this.scores, 0f);
        this.model.score(readerBooks(reader), this.scores);
        int[] books = best();
        boolean[] hits = new boolean[books.length];
        mark(reader.targets(), this.targetFor);
        for (int rank = 0; rank < books.length; rank++) {
            hits[rank] = this.targetFor[books[rank]] == this.serial;
        }
        metrics.add(books, hits, reader.targets().size());
    }

    private ReaderBooks readerBooks(HeldOutReader reader) {
        BookIndex index = this.model.books();
        int[] books = new int[reader.input().size()];
        Signal[] signals = new Signal[books.length];
        int known = 0;
        for (int i = 0; i < books.length; i++) {
            int book = index.indexOf(reader.input().get(i));
            if (book >= 0) {
                books[known] = book;
                signals[known++] = reader.inputSignals().get(i);
            }
        }
        return new ReaderBooks(Arrays.copyOf(books, known), Arrays.copyOf(signals, known));
    }

    private void mark(List<String> bookIds, int[] marks) {
        for (String bookId : bookIds) {
            int book = this.model.books().indexOf(bookId);
            if (book >= 0) {
                marks[book] = this.serial;
            }
        }
    }

    /** The best books that are not excluded, best first; ties go to the more popular book. */
    private int[] best() {
        this.top.clear();
        for (int book = 0; book < this.scores.length; book++) {
            if (this.excludedFor[book] != this.serial) {
                this.top.offer(this.popularity.rankOf(book), this.scores[book]);
            }
        }
        int count = this.top.drainBestFirst(this.listed, this.listedScores);
        int[] books = new int[count];
        for (int rank = 0; rank < count; rank++) {
            books[rank] = this.popularity.bookAt(this.listed[rank]);
        }
        return books;
    }

}
