package io.curio.localstack.simulation;

/**
 * {@code simulate} cannot run: no stack is up in the state folder, it holds no held-back future, or the gateway does
 * not answer. The message says what is missing and how to get it.
 */
public class SimulationUnavailableException extends RuntimeException {

    public SimulationUnavailableException(String message) {
        super(message);
    }

}
