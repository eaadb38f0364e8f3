package io.curio.inference.model;

import io.curio.inference.algebra.ComputePool;
import io.curio.inference.algebra.ImplicitAls;

/**
 * Implicit matrix factorization as it is served: the factors of every book. A reader is folded in from their
 * weighted history at request time (one exact least-squares solve), so a new event changes the next list
 * without retraining, then scored against every book.
 */
public final class FactorModel implements RecommendationModel {

    private final ModelMetadata metadata;

    private final BookIndex books;

    private final io.curio.inference.algebra.FactorModel factors;

    private final RankedBooks popular;

    private final float[] readers;

    /**
     * @param readers per book, how many readers liked it, for filling lists
     */
    public FactorModel(ModelMetadata metadata, BookIndex books, io.curio.inference.algebra.FactorModel factors,
            float[] readers) {
        if (factors.items() != books.size() || readers.length != books.size()) {
            throw new IllegalArgumentException("factor model has " + factors.items() + " books and "
                    + readers.length + " reader counts for " + books.size() + " books");
        }
        this.metadata = metadata;
        this.books = books;
        this.factors = factors;
        this.readers = readers;
        this.popular = new RankedBooks(books, readers);
    }

    /** Builds the served model from book factors, as an artifact holds them. */
    public static FactorModel of(ModelMetadata metadata, BookIndex books, ImplicitAls settings, float[][] itemFactors,
            float[] readers) {
        try (ComputePool pool = new ComputePool(1)) {
            return new FactorModel(metadata, books, io.curio.inference.algebra.FactorModel.ofItemFactors(settings,
                    itemFactors, pool), readers);
        }
    }

    @Override
    public ModelMetadata metadata() {
        return this.metadata;
    }

    @Override
    public BookIndex books() {
        return this.books;
    }

    @Override
    public RankedBooks popular() {
        return this.popular;
    }

    @Override
    public void score(ReaderBooks reader, float[] scores) {
        ReaderBooks.Weighted weighted = reader.weighted(signalWeights());
        if (weighted.size() == 0) {
            return;
        }
        this.factors.addScores(this.factors.foldIn(weighted.books(), weighted.weights()), scores);
    }

    @Override
    public FactorModel withMetadata(ModelMetadata metadata) {
        return new FactorModel(metadata, this.books, this.factors, this.readers);
    }

    public ImplicitAls settings() {
        return this.factors.settings();
    }

    public int factors() {
        return this.factors.factors();
    }

    /** Bytes held by the factors and the book Gram matrix. */
    public long bytes() {
        return this.factors.bytes();
    }

    float[][] itemFactorsArray() {
        return this.factors.itemFactorsShared();
    }

    float[] readersArray() {
        return this.readers;
    }

}
