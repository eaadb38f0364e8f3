package io.curio.localstack.dataset;

/**
 * A dataset folder cannot be loaded: a file is missing, ambiguous or malformed. The message names the
 * file and, where there is one, the line.
 */
public class InvalidDatasetException extends RuntimeException {

    public InvalidDatasetException(String message) {
        super(message);
    }

    public InvalidDatasetException(String message, Throwable cause) {
        super(message, cause);
    }

}
