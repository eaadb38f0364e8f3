package io.curio.ingestion.attributes;

import org.springframework.http.HttpHeaders;

/**
 * The version of a whole attribute collection as its endpoint names it on every page: an
 * {@code ETag}, a {@code Last-Modified} date, both or neither.
 *
 * @param etag the entity tag, or {@code null}
 * @param lastModified the HTTP date, verbatim, or {@code null}
 */
record CollectionVersion(String etag, String lastModified) {

    static final CollectionVersion UNKNOWN = new CollectionVersion(null, null);

    static CollectionVersion of(HttpHeaders headers) {
        return new CollectionVersion(headers.getFirst(HttpHeaders.ETAG), headers.getFirst(HttpHeaders.LAST_MODIFIED));
    }

    boolean isKnown() {
        return this.etag != null || this.lastModified != null;
    }

    /**
     * Whether a later page shows that the collection changed since this page was served; a later page
     * that names no version shows nothing.
     */
    boolean changedBy(CollectionVersion later) {
        return changed(this.etag, later.etag) || changed(this.lastModified, later.lastModified);
    }

    void addConditions(HttpHeaders headers) {
        if (this.etag != null) {
            headers.set(HttpHeaders.IF_NONE_MATCH, this.etag);
        }
        if (this.lastModified != null) {
            headers.set(HttpHeaders.IF_MODIFIED_SINCE, this.lastModified);
        }
    }

    private static boolean changed(String first, String later) {
        return first != null && later != null && !first.equals(later);
    }

}
