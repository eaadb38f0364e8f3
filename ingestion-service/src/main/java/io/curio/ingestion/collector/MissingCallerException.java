package io.curio.ingestion.collector;

/**
 * A request reached the collector without the caller's identity set by the gateway.
 */
public class MissingCallerException extends RuntimeException {

    public MissingCallerException() {
        super("no caller identity: the request did not come through the gateway");
    }

}
