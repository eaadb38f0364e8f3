package io.curio.ingestion.attributes;

import java.net.URI;

/**
 * An attribute endpoint did not deliver all its pages.
 */
public class AttributeFetchFailedException extends RuntimeException {

    public AttributeFetchFailedException(URI url, String problem, Throwable cause) {
        super("polling " + url + " failed: " + problem, cause);
    }

}
