package io.curio.abtest.experiment;

/**
 * A change that the current state forbids: a key already taken, a start on a surface that already runs an
 * experiment, a stop of an experiment that is not running.
 */
public class ExperimentConflictException extends RuntimeException {

    private final String field;

    public ExperimentConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field the conflict is about, or {@code null} when it is about the experiment's state. */
    public String field() {
        return this.field;
    }

}
