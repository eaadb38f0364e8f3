package io.curio.abtest.canary;

import java.util.Locale;

/**
 * What a decision about a canary did.
 */
public enum CanaryAction {

    /** Created by an operator at its first step. */
    CREATE,

    /** Moved to the next step. */
    ADVANCE,

    /** Kept at its step, with the reason. */
    HOLD,

    /** The candidate was significantly worse: back to 0 %. */
    ROLLBACK,

    /** Reached 100 %: inference-service is asked to serve the candidate. */
    PROMOTE,

    /** inference-service serves the candidate; the canary is over. */
    ACTIVATED,

    /** Stopped by an operator: back to 0 %. */
    ABORT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

}
