package io.curio.abtest.canary;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where a canary is: growing, reached 100 % and waiting for inference-service to serve the candidate, or
 * finished one way or another.
 */
public enum CanaryStatus {

    RUNNING, PROMOTING, PROMOTED, ROLLED_BACK, ABORTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the canary still decides what users are served. */
    public boolean inProgress() {
        return this == RUNNING || this == PROMOTING;
    }

    public static CanaryStatus fromWireName(String name) {
        return Arrays.stream(values())
            .filter((status) -> status.wireName().equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown canary status: " + name));
    }

}
