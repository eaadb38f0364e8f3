package io.curio.inference.model;

/**
 * Per book, the distinct readers with a positive interaction, each weighted by the age of their latest one.
 */
public final class PopularityModel implements RecommendationModel {

    private final ModelMetadata metadata;

    private final BookIndex books;

    private final float[] scores;

    private final RankedBooks popular;

    public PopularityModel(ModelMetadata metadata, BookIndex books, float[] scores) {
        if (scores.length != books.size()) {
            throw new IllegalArgumentException("popularity has " + scores.length + " scores for "
                    + books.size() + " books");
        }
        this.metadata = metadata;
        this.books = books;
        this.scores = scores.clone();
        this.popular = new RankedBooks(books, this.scores);
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

    /** Every reader gets the same scores: the popularity of each book. */
    @Override
    public void score(ReaderBooks reader, float[] scores) {
        for (int book = 0; book < this.scores.length; book++) {
            scores[book] += this.scores[book];
        }
    }

    @Override
    public PopularityModel withMetadata(ModelMetadata metadata) {
        return new PopularityModel(metadata, this.books, this.scores);
    }

    public float score(int book) {
        return this.scores[book];
    }

    float[] scoresArray() {
        return this.scores;
    }

}
