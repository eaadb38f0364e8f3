package io.curio.ingestion.datahub;

/**
 * What an object written to the data hub holds; the {@code kind} tag of the hub metrics.
 */
public enum HubObjectKind {

    RAW_EVENTS("raw-events", "application/x-ndjson", "gzip"),
    REJECTED_EVENTS("rejected-events", "application/x-ndjson", "gzip"),
    BOOKS("books", "application/json", null),
    USERS("users", "application/json", null);

    private final String tag;

    private final String contentType;

    private final String contentEncoding;

    HubObjectKind(String tag, String contentType, String contentEncoding) {
        this.tag = tag;
        this.contentType = contentType;
        this.contentEncoding = contentEncoding;
    }

    public String tag() {
        return this.tag;
    }

    String contentType() {
        return this.contentType;
    }

    String contentEncoding() {
        return this.contentEncoding;
    }

}
