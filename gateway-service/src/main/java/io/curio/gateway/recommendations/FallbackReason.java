package io.curio.gateway.recommendations;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * Why a list came from the fallback rather than from inference-service, as the {@code reason} tag of
 * {@code curio.gateway.fallbacks} names it.
 */
enum FallbackReason {

    /** inference-service did not answer within the time limit. */
    TIMEOUT("timeout"),

    /** inference-service answered 5xx, or the call failed otherwise. */
    ERROR("error"),

    /** The circuit breaker is open: inference-service was not called. */
    CIRCUIT_OPEN("circuit-open"),

    /** No connection to inference-service could be opened. */
    UNREACHABLE("unreachable");

    private final String tag;

    FallbackReason(String tag) {
        this.tag = tag;
    }

    String tag() {
        return tag;
    }

    static FallbackReason of(Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            return CIRCUIT_OPEN;
        }
        if (causedBy(failure, TimeoutException.class)) {
            return TIMEOUT;
        }
        if (causedBy(failure, ConnectException.class)) {
            return UNREACHABLE;
        }
        return ERROR;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
