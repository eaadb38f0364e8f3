package io.curio.ingestion.collector;

/**
 * A request body exceeded the collector's limit.
 */
public class BodyTooLargeException extends RuntimeException {

    public BodyTooLargeException(long limit) {
        super("request body is larger than " + limit + " bytes");
    }

}
