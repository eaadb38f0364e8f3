package io.curio.events.csv;

/**
 * A CSV file cannot be read as expected: it cannot be opened, a record is malformed, or a field does not hold
 * what its column promises. The message names the file and, where there is one, the line.
 */
public class MalformedCsvException extends RuntimeException {

    public MalformedCsvException(String message) {
        super(message);
    }

    public MalformedCsvException(String message, Throwable cause) {
        super(message, cause);
    }

}
