package io.curio.feature.history;

/**
 * Thrown when no remembered history import has the requested id.
 */
public class UnknownImportException extends RuntimeException {

    public UnknownImportException(String id) {
        super("no history import with id " + id);
    }

}
