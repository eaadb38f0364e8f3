package io.curio.inference.recommendation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.curio.inference.model.BookIndex;
import io.curio.inference.model.RankedBooks;
import io.curio.inference.model.ReaderBooks;
import io.curio.inference.model.RecommendationModel;
import io.curio.inference.model.Signal;
import io.curio.inference.model.TopScores;

/**
 * Turns a model and a reader's history into a ranked list: personalized scores first, then books from a
 * popularity ranking until the list is full. Books the reader rated or finished, books outside the
 * active catalogue, books already in the list and books the list's business rules keep out are skipped.
 * Filled books score below every personalized one, in proportion to their popularity, so the list stays
 * ordered by score.
 */
public final class Ranking {

    /** Books beyond the reader's consumed ones that may be missing from the catalogue before a full scan. */
    private static final int CATALOGUE_SLACK = 32;

    private final Predicate<String> inCatalogue;

    private final ListSelection rules;

    public Ranking(Predicate<String> inCatalogue) {
        this(inCatalogue, ListSelection.unrestricted());
    }

    public Ranking(Predicate<String> inCatalogue, ListSelection rules) {
        this.inCatalogue = inCatalogue;
        this.rules = rules;
    }

    public List<ScoredBook> rank(RecommendationModel model, RankedBooks fill, UserHistory history, int limit) {
        Set<String> consumed = history.consumedBooks();
        Predicate<String> allowed = (bookId) -> !consumed.contains(bookId) && this.inCatalogue.test(bookId);
        List<ScoredBook> candidates = personalized(model, history, allowed, this.rules.candidates(limit),
                consumed.size() + CATALOGUE_SLACK);
        List<ScoredBook> ranked = this.rules.admitted(candidates, limit);
        // Tested last, so that a book the rules admit is always listed and counts against its author.
        fillFrom(fill, ranked, allowed.and(this.rules::admit), limit);
        return List.copyOf(ranked);
    }

    /**
     * The model's best allowed books. Most books a model scores are allowed, so the best {@code limit} plus
     * {@code slack} books are picked first and only those are tested; the whole catalogue is tested only when
     * too few of them pass.
     */
    private static List<ScoredBook> personalized(RecommendationModel model, UserHistory history,
            Predicate<String> allowed, int limit, int slack) {
        ReaderBooks reader = readerBooks(model.books(), history);
        if (reader.isEmpty()) {
            return new ArrayList<>();
        }
        float[] scores = new float[model.books().size()];
        model.score(reader, scores);
        BookIndex books = model.books();
        TopScores best = new TopScores(limit + slack);
        for (int book = 0; book < scores.length; book++) {
            if (scores[book] > 0) {
                best.offer(book, scores[book]);
            }
        }
        int offered = best.size();
        List<ScoredBook> picked = drain(best, books);
        picked.removeIf((book) -> !allowed.test(book.bookId()));
        if (picked.size() >= limit || offered < limit + slack) {
            return new ArrayList<>(picked.subList(0, Math.min(limit, picked.size())));
        }
        TopScores top = new TopScores(limit);
        for (int book = 0; book < scores.length; book++) {
            if (scores[book] > 0 && allowed.test(books.id(book))) {
                top.offer(book, scores[book]);
            }
        }
        return drain(top, books);
    }

    /** The reader's liked books that the model knows, with their signals. */
    static ReaderBooks readerBooks(BookIndex books, UserHistory history) {
        Map<String, Signal> liked = history.likedSignals();
        int[] indexes = new int[liked.size()];
        Signal[] signals = new Signal[liked.size()];
        int size = 0;
        for (Map.Entry<String, Signal> entry : liked.entrySet()) {
            int book = books.indexOf(entry.getKey());
            if (book >= 0) {
                indexes[size] = book;
                signals[size++] = entry.getValue();
            }
        }
        return new ReaderBooks(Arrays.copyOf(indexes, size), Arrays.copyOf(signals, size));
    }

    private static List<ScoredBook> drain(TopScores top, BookIndex books) {
        int[] indexes = new int[top.size()];
        float[] scores = new float[top.size()];
        int count = top.drainBestFirst(indexes, scores);
        List<ScoredBook> ranked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ranked.add(new ScoredBook(books.id(indexes[i]), scores[i]));
        }
        return ranked;
    }

    private static void fillFrom(RankedBooks fill, List<ScoredBook> ranked, Predicate<String> allowed, int limit) {
        Set<String> chosen = new LinkedHashSet<>();
        ranked.forEach((book) -> chosen.add(book.bookId()));
        double scale = Double.NaN;
        for (int rank = 0; rank < fill.size() && ranked.size() < limit; rank++) {
            String bookId = fill.bookAt(rank);
            if (chosen.contains(bookId) || !allowed.test(bookId)) {
                continue;
            }
            if (Double.isNaN(scale)) {
                scale = fillScale(ranked, fill.scoreAt(rank));
            }
            ranked.add(new ScoredBook(bookId, (float) (fill.scoreAt(rank) * scale)));
            chosen.add(bookId);
        }
    }

    /** 1 for a list of popular books only; otherwise puts the best filled book at half the lowest score. */
    private static double fillScale(List<ScoredBook> ranked, float bestFillScore) {
        if (ranked.isEmpty() || bestFillScore <= 0) {
            return ranked.isEmpty() ? 1 : 0;
        }
        return 0.5 * ranked.get(ranked.size() - 1).score() / bestFillScore;
    }

}
