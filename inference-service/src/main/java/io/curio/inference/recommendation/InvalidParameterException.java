package io.curio.inference.recommendation;

/**
 * Thrown when a request parameter is out of its range; the message names the parameter.
 */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return this.parameter;
    }

    static String shorten(String value) {
        return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
    }

}
