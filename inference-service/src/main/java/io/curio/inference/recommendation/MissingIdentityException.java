package io.curio.inference.recommendation;

/**
 * Thrown when a public request arrives without the reader identity the gateway sets.
 */
public class MissingIdentityException extends RuntimeException {

    public MissingIdentityException() {
        super("the request carries no X-User-Id: it must come through the gateway with a valid token");
    }

}
