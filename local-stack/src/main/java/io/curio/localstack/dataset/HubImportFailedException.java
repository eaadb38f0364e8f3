package io.curio.localstack.dataset;

/**
 * The history could not be written to the data hub; the message names the object that failed.
 */
public class HubImportFailedException extends RuntimeException {

    public HubImportFailedException(String message, Throwable cause) {
        super(message, cause);
    }

}
