package io.curio.inference.model;

/**
 * Item-to-item neighbours: per book, the most similar books with their similarity, best first, in a CSR
 * layout ({@code offsets}, {@code neighbours}, {@code similarities}), and per book its count of readers.
 */
public final class NeighbourModel implements RecommendationModel {

    /** Most neighbours a book may have. */
    public static final int MAX_NEIGHBOURS = 1000;

    private final ModelMetadata metadata;

    private final BookIndex books;

    private final int[] readers;

    private final int[] offsets;

    private final int[] neighbours;

    private final float[] similarities;

    private final RankedBooks popular;

    public NeighbourModel(ModelMetadata metadata, BookIndex books, int[] readers, int[] offsets, int[] neighbours,
            float[] similarities) {
        checkShape(books, readers, offsets, neighbours, similarities);
        this.metadata = metadata;
        this.books = books;
        this.readers = readers.clone();
        this.offsets = offsets.clone();
        this.neighbours = neighbours.clone();
        this.similarities = similarities.clone();
        float[] counts = new float[readers.length];
        for (int i = 0; i < readers.length; i++) {
            counts[i] = readers[i];
        }
        this.popular = new RankedBooks(books, counts);
    }

    /** The same checked arrays and fill ranking under other metadata, shared rather than copied. */
    private NeighbourModel(ModelMetadata metadata, NeighbourModel model) {
        this.metadata = metadata;
        this.books = model.books;
        this.readers = model.readers;
        this.offsets = model.offsets;
        this.neighbours = model.neighbours;
        this.similarities = model.similarities;
        this.popular = model.popular;
    }

    private static void checkShape(BookIndex books, int[] readers, int[] offsets, int[] neighbours,
            float[] similarities) {
        int n = books.size();
        if (readers.length != n || offsets.length != n + 1 || neighbours.length != similarities.length
                || offsets[n] != neighbours.length) {
            throw new IllegalArgumentException("item-neighbours arrays do not fit " + n + " books");
        }
        for (int neighbour : neighbours) {
            if (neighbour < 0 || neighbour >= n) {
                throw new IllegalArgumentException("neighbour index out of range: " + neighbour);
            }
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

    public int readers(int book) {
        return this.readers[book];
    }

    public int neighbourStart(int book) {
        return this.offsets[book];
    }

    public int neighbourEnd(int book) {
        return this.offsets[book + 1];
    }

    public int neighbourAt(int position) {
        return this.neighbours[position];
    }

    public float similarityAt(int position) {
        return this.similarities[position];
    }

    /** The sum, over the reader's books, of each neighbour's similarity times the book's signal weight. */
    @Override
    public void score(ReaderBooks reader, float[] scores) {
        ReaderBooks.Weighted weighted = reader.weighted(signalWeights());
        for (int i = 0; i < weighted.size(); i++) {
            int book = weighted.books()[i];
            float weight = weighted.weights()[i];
            for (int p = this.offsets[book]; p < this.offsets[book + 1]; p++) {
                scores[this.neighbours[p]] += weight * this.similarities[p];
            }
        }
    }

    @Override
    public NeighbourModel withMetadata(ModelMetadata metadata) {
        return new NeighbourModel(metadata, this);
    }

    /** Raw arrays for writing the artifact. */
    int[] readersArray() {
        return this.readers;
    }

    int[] offsetsArray() {
        return this.offsets;
    }

    int[] neighboursArray() {
        return this.neighbours;
    }

    float[] similaritiesArray() {
        return this.similarities;
    }

}
