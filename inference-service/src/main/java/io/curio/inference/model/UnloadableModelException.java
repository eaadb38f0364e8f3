package io.curio.inference.model;

/**
 * Thrown when an operator activates a complete version whose artifact cannot be read.
 */
public class UnloadableModelException extends RuntimeException {

    public UnloadableModelException(ModelSpec spec, RuntimeException cause) {
        super(spec + " does not load: " + cause.getMessage(), cause);
    }

}
