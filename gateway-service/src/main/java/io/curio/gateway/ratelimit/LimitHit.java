package io.curio.gateway.ratelimit;

import java.util.Locale;

/**
 * Which of a plan's limits refused a request, as the {@code limit} tag of the rejection metric names it.
 */
public enum LimitHit {

    /** Not refused. */
    NONE,

    /** The token bucket was empty: too many requests in a short time. */
    BURST,

    /** The user's requests for the current UTC day are used up. */
    DAILY;

    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The limit from the code {@code token-bucket.lua} answers: 0 none, 1 burst, 2 daily. */
    static LimitHit fromScriptCode(long code) {
        return switch ((int) code) {
            case 0 -> NONE;
            case 1 -> BURST;
            case 2 -> DAILY;
            default -> throw new IllegalStateException("unknown limit code from the rate-limit script: " + code);
        };
    }
}
