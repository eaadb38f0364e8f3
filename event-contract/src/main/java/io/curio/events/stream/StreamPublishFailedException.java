package io.curio.events.stream;

/**
 * Thrown when events could not be put on the engagement stream even after retries. Some events of
 * the same call may already be on the stream; callers report the whole call as failed and clients
 * resend it, which is safe because consumers are idempotent on {@code eventId}.
 */
public class StreamPublishFailedException extends RuntimeException {

    private final int failedRecords;

    public StreamPublishFailedException(String message, int failedRecords, Throwable cause) {
        super(message, cause);
        this.failedRecords = failedRecords;
    }

    /** How many records were still not on the stream when publishing gave up. */
    public int failedRecords() {
        return this.failedRecords;
    }

}
