package io.curio.ingestion.collector;

/**
 * A request carried an event of a user other than the caller: nobody may act for another user.
 */
public class ForeignUserEventException extends RuntimeException {

    public ForeignUserEventException(int index) {
        super("event " + index + " has a userId other than the caller's");
    }

}
