package io.curio.inference.evaluation;

/**
 * An evaluation cannot start: an option is unknown or malformed, or the dataset folder or one of its files is
 * missing or ambiguous. The message says which, in one line.
 */
public class InvalidEvaluationInputException extends RuntimeException {

    public InvalidEvaluationInputException(String message) {
        super(message);
    }

}
