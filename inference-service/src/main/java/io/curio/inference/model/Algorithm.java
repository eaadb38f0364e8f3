package io.curio.inference.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The built-in algorithms. The name is how a model is addressed in the registry and in experiments.
 */
public enum Algorithm {

    /** Time-decayed count of the readers who liked a book. */
    POPULARITY("popularity"),

    /** Cosine similarity between books' readers, top neighbours per book. */
    ITEM_NEIGHBOURS("item-neighbours"),

    /** Implicit alternating least squares: reader and book factors. */
    ALS("als"),

    /** EASE, a closed-form linear book-to-book model, kept as its strongest weights per book. */
    EASE("ease"),

    /** Similarity of book attributes (authors, tags, language, year); scores books nobody has read. */
    CONTENT("content"),

    /** A collaborative model blended with the content model, the content share shrinking as history grows. */
    BLEND("blend");

    private final String modelName;

    Algorithm(String modelName) {
        this.modelName = modelName;
    }

    public String modelName() {
        return this.modelName;
    }

    public static Optional<Algorithm> fromModelName(String name) {
        return Arrays.stream(values()).filter((algorithm) -> algorithm.modelName.equals(name)).findFirst();
    }

}
