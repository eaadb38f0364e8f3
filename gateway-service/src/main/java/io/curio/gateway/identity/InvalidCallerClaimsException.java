package io.curio.gateway.identity;

/**
 * Thrown when a correctly signed token does not describe a caller the gateway can act for.
 */
public class InvalidCallerClaimsException extends RuntimeException {

    public InvalidCallerClaimsException(String message) {
        super(message);
    }
}
