package io.curio.ingestion.attributes;

/**
 * How a poll of one entity ended; the name is the metric tag and the {@code attribute_polls.outcome}.
 */
public enum PollOutcome {

    /** A new snapshot was written. */
    SUCCESS("success", true),

    /** The endpoint answered {@code 304}: the snapshot in force is still current. */
    UNCHANGED("unchanged", true),

    /** The endpoint could not be read whole. */
    FAILURE("failure", false),

    /** The endpoint answered, but with too many malformed records or suspiciously none. */
    REFUSED("refused", false),

    /** The circuit of the endpoint is open: it was not called. */
    CIRCUIT_OPEN("circuit-open", false);

    private final String tag;

    private final boolean fresh;

    PollOutcome(String tag, boolean fresh) {
        this.tag = tag;
        this.fresh = fresh;
    }

    public String tag() {
        return this.tag;
    }

    /** Whether the snapshot in force is known to be current after this outcome. */
    public boolean isFresh() {
        return this.fresh;
    }

}
