package io.curio.inference.training;

/**
 * Thrown when a training id is not one of the recent trainings.
 */
public class UnknownTrainingException extends RuntimeException {

    public UnknownTrainingException(String id) {
        super("no recent training with id " + ((id.length() > 64) ? id.substring(0, 64) + "…" : id));
    }

}
