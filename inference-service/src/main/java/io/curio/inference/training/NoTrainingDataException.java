package io.curio.inference.training;

/**
 * Thrown when the data hub holds no positive interaction, so that an empty model never replaces a
 * served one.
 */
public class NoTrainingDataException extends RuntimeException {

    public NoTrainingDataException(long eventsRead) {
        super("no positive interaction under raw/events/ (" + eventsRead + " valid events read)");
    }

}
