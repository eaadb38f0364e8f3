package io.curio.ingestion.collector;

/**
 * A request body could not be read from the connection.
 */
public class UnreadableBodyException extends RuntimeException {

    public UnreadableBodyException(Throwable cause) {
        super("request body could not be read", cause);
    }

}
