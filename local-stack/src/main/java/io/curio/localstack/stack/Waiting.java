package io.curio.localstack.stack;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Polls until a condition yields a value or a deadline passes.
 */
public final class Waiting {

    private Waiting() {
    }

    /**
     * @param timeout how long to poll
     * @param interval the pause between polls
     * @param poll answers a value when done, empty to poll again
     * @return the value, or empty on timeout
     */
    public static <T> Optional<T> until(Duration timeout, Duration interval, Supplier<Optional<T>> poll) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = poll.get();
            if (value.isPresent() || System.nanoTime() > deadline) {
                return value;
            }
            pause(interval);
        }
    }

    public static void pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting");
        }
    }

}
