package io.curio.abtest.experiment;

/**
 * An experiment definition that is well-formed field by field but breaks a rule across fields, such as
 * weights that do not sum to 100.
 */
public class InvalidExperimentException extends RuntimeException {

    private final String field;

    public InvalidExperimentException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return this.field;
    }

}
