package io.curio.feature.attributes;

/**
 * Thrown when an attribute snapshot cannot be applied as a whole; the message names the problem.
 */
public class MalformedSnapshotException extends RuntimeException {

    public MalformedSnapshotException(String message) {
        super(message);
    }

}
