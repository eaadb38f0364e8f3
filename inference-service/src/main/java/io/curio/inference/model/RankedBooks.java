package io.curio.inference.model;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Books in order of a non-personalized score, best first; ties go to the lower index.
 */
public final class RankedBooks {

    private final BookIndex books;

    private final float[] scores;

    private final int[] order;

    public RankedBooks(BookIndex books, float[] scores) {
        this.books = books;
        this.scores = scores;
        this.order = IntStream.range(0, scores.length)
            .boxed()
            .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt((i) -> i))
            .mapToInt(Integer::intValue)
            .toArray();
    }

    public int size() {
        return this.order.length;
    }

    /** The book id at a rank, 0 being the best. */
    public String bookAt(int rank) {
        return this.books.id(this.order[rank]);
    }

    public float scoreAt(int rank) {
        return this.scores[this.order[rank]];
    }

}
