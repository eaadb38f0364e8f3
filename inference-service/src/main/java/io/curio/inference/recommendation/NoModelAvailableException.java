package io.curio.inference.recommendation;

/**
 * Thrown when no model at all is loaded, so that not even a popularity list can be served.
 */
public class NoModelAvailableException extends RuntimeException {

    public NoModelAvailableException() {
        super("no model is loaded yet, not even popularity");
    }

}
