package io.curio.events;

/**
 * Thrown when a request body as a whole cannot be read as events (not JSON, not an object or
 * array, too many events). Single invalid events inside a readable batch are not exceptions.
 */
public class MalformedEventsException extends RuntimeException {

    public MalformedEventsException(String message) {
        super(message);
    }

}
