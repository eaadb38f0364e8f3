package io.curio.assignment;

import java.util.Locale;

/**
 * The two sides of a canary.
 */
public enum CanaryArm {

    /** Served the candidate version. */
    CANDIDATE,

    /** Served the baseline version. */
    BASELINE;

    /** The lower-case name used on the wire and in the database. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

}
