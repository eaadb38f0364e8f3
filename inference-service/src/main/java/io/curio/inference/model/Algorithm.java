package io.curio.inference.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The built-in algorithms. The name is how a model is addressed in the registry and in experiments.
 */
public enum Algorithm {

    POPULARITY("popularity"),
    ITEM_NEIGHBOURS("item-neighbours");

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
