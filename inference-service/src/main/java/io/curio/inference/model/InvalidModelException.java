package io.curio.inference.model;

/**
 * Thrown when a model artifact in the registry cannot be read as the documented format.
 */
public class InvalidModelException extends RuntimeException {

    public InvalidModelException(String message) {
        super(message);
    }

}
