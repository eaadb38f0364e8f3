package io.curio.gateway.problem;

import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem document, as every error of the gateway is answered.
 *
 * @param type a URN naming the kind of problem
 * @param title the HTTP reason phrase of {@code status}
 * @param status the HTTP status code
 * @param detail what went wrong, for the caller; never internal host names or stack traces
 */
public record Problem(String type, String title, int status, String detail) {

    private static final String TYPE_PREFIX = "urn:curio:problem:";

    public static Problem of(HttpStatus status, String kind, String detail) {
        return new Problem(TYPE_PREFIX + kind, status.getReasonPhrase(), status.value(), detail);
    }
}
