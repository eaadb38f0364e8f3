package io.curio.inference.model;

/**
 * Thrown when a rollback finds no earlier version to serve.
 */
public class NoPreviousVersionException extends RuntimeException {

    public NoPreviousVersionException(Algorithm algorithm, String served) {
        super((served != null)
                ? algorithm.modelName() + " has no version before " + served
                        + " that was not rejected or rolled back and whose artifact loads"
                : "no version of " + algorithm.modelName() + " is served");
    }

}
