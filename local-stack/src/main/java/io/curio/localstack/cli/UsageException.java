package io.curio.localstack.cli;

/**
 * The command line asks for something the command does not understand: an unknown option, a missing value.
 */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }

}
