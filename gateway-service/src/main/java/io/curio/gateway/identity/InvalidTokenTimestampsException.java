package io.curio.gateway.identity;

/**
 * Thrown when a correctly signed token is expired, not valid yet, or issued in the future.
 */
class InvalidTokenTimestampsException extends RuntimeException {

    InvalidTokenTimestampsException(String message) {
        super(message);
    }
}
