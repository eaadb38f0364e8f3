package io.curio.gateway.recommendations;

/**
 * inference-service answered with a server error: a failure for the circuit breaker, answered with the fallback.
 */
class ServiceErrorException extends RuntimeException {

    ServiceErrorException(int status) {
        super("inference-service answered " + status);
    }
}
