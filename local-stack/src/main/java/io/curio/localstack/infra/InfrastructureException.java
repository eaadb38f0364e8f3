package io.curio.localstack.infra;

/**
 * A piece of local infrastructure could not be started, reached or stopped.
 */
public class InfrastructureException extends RuntimeException {

    public InfrastructureException(String message) {
        super(message);
    }

    public InfrastructureException(String message, Throwable cause) {
        super(message, cause);
    }

}
