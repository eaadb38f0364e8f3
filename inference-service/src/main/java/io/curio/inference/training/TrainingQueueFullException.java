package io.curio.inference.training;

/**
 * Thrown when a training is asked for while the queue of waiting trainings is full.
 */
public class TrainingQueueFullException extends RuntimeException {

    public TrainingQueueFullException(int queued) {
        super("already " + queued + " trainings waiting; try again when one has finished");
    }

}
