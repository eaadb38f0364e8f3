package io.curio.gateway.recommendations;

/**
 * A query parameter of {@code GET /v1/recommendations} that no list can be computed for; answered with 400.
 */
public class InvalidListParameterException extends RuntimeException {

    public InvalidListParameterException(String message) {
        super(message);
    }
}
