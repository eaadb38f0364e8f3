package io.curio.inference.model;

import java.util.Optional;

/**
 * How strongly an interaction says a reader likes a book. A reader's strongest signal for a book wins.
 */
public enum Signal {

    /** Rated 4 or 5, finished, opened or clicked. */
    STRONG,

    /** Added to the library (a to-read mark): interest, not yet a verdict. */
    SAVED;

    /**
     * The signal of an event, by its wire type and value; empty when the event says nothing positive.
     */
    public static Optional<Signal> of(String type, Integer value) {
        if (type == null) {
            return Optional.empty();
        }
        return switch (type) {
            case "rate" -> (value != null && value >= 4) ? Optional.of(STRONG) : Optional.empty();
            case "click", "open", "finish" -> Optional.of(STRONG);
            case "add_to_library" -> Optional.of(SAVED);
            default -> Optional.empty();
        };
    }

    /** The stronger of two signals. */
    public Signal max(Signal other) {
        return (other == STRONG) ? STRONG : this;
    }

}
