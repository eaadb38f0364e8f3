package io.curio.inference.model;

/**
 * A trained model as it is served: its metadata, its books, a non-personalized ranking of them, and a score of
 * every book for a reader with a given history.
 */
public sealed interface RecommendationModel permits PopularityModel, NeighbourModel, FactorModel, ContentModel,
        BlendModel {

    ModelMetadata metadata();

    BookIndex books();

    /** Books by how many readers liked them, used to fill a list. */
    RankedBooks popular();

    /**
     * Adds this model's score of each of its books for a reader who liked {@code reader} to {@code scores},
     * indexed like {@link #books()}. Higher is better; books the model has nothing to say about gain 0. Safe to
     * call from many threads at once.
     */
    void score(ReaderBooks reader, float[] scores);

    /** The same model under other metadata, sharing its arrays. */
    RecommendationModel withMetadata(ModelMetadata metadata);

    /** How the model weighs a reader's signals when it scores them. */
    default SignalWeights signalWeights() {
        return SignalWeights.fromParameters(metadata().parameters());
    }

    default Algorithm algorithm() {
        return Algorithm.fromModelName(metadata().algorithm()).orElseThrow();
    }

    default String version() {
        return metadata().version();
    }

}
