package io.curio.localstack.stack;

/**
 * A stack command could not do what it was asked; the message says what and, where it helps, what to do.
 */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }

}
