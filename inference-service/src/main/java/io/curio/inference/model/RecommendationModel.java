package io.curio.inference.model;

/**
 * A trained model as it is served: its metadata, its books, and a non-personalized ranking of them.
 */
public sealed interface RecommendationModel permits PopularityModel, NeighbourModel {

    ModelMetadata metadata();

    BookIndex books();

    /** Books by how many readers liked them, used to fill a list. */
    RankedBooks popular();

    default Algorithm algorithm() {
        return Algorithm.fromModelName(metadata().algorithm()).orElseThrow();
    }

    default String version() {
        return metadata().version();
    }

}
