package io.curio.inference.training;

import java.util.Arrays;

import io.curio.inference.model.Algorithm;

/**
 * Thrown when a training names an algorithm that is not built in.
 */
public class UnknownAlgorithmException extends RuntimeException {

    public UnknownAlgorithmException(String algorithm) {
        super("unknown algorithm: " + ((algorithm.length() > 64) ? algorithm.substring(0, 64) + "…" : algorithm)
                + "; built in are " + String.join(", ", Arrays.stream(Algorithm.values()).map(Algorithm::modelName)
                    .toList()));
    }

}
