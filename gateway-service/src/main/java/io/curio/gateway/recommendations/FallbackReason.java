package io.curio.gateway.recommendations;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * Why a recommendations request was answered from the fallback list, as the {@code reason} tag of
 * {@code curio.gateway.fallbacks}.
 */
enum FallbackReason {

    /** inference-service did not answer within the time limit. */
    TIMEOUT("timeout"),
    /** inference-service answered 5xx, or the exchange failed midway. */
    ERROR("error"),
    /** the circuit breaker is open: no call was made. */
    CIRCUIT_OPEN("circuit-open"),
    /** inference-service could not be reached at all. */
    UNAVAILABLE("unavailable");

    private final String tag;

    FallbackReason(String tag) {
        this.tag = tag;
    }

    String tag() {
        return tag;
    }

    static FallbackReason of(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return TIMEOUT;
        }
        if (failure instanceof CallNotPermittedException) {
            return CIRCUIT_OPEN;
        }
        return causedByConnection(failure) ? UNAVAILABLE : ERROR;
    }

    private static boolean causedByConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
