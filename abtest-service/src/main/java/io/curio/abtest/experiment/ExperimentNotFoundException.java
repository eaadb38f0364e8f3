package io.curio.abtest.experiment;

/**
 * No experiment has the key a request named.
 */
public class ExperimentNotFoundException extends RuntimeException {

    public ExperimentNotFoundException(String key) {
        super("no experiment with key '" + key + "'");
    }

}
