package io.curio.events.stream;

import java.time.Duration;

/**
 * How often and how patiently the publisher retries records the stream refused.
 *
 * @param maxAttempts attempts per chunk, including the first, at least 1
 * @param initialBackoff pause before the first retry; doubles on every further retry
 * @param maxBackoff longest pause between two attempts
 */
public record PublishRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public static final PublishRetry DEFAULT = new PublishRetry(4, Duration.ofMillis(100), Duration.ofSeconds(1));

    public PublishRetry {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initial <= max, not " + initialBackoff
                    + " and " + maxBackoff);
        }
    }

    /** The pause before attempt {@code attempt} (2 for the first retry). */
    Duration backoffBefore(int attempt) {
        Duration backoff = this.initialBackoff.multipliedBy(1L << Math.min(attempt - 2, 20));
        return (backoff.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : backoff;
    }

}
