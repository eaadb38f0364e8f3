package io.curio.ingestion.attributes;

import java.time.Duration;

/**
 * Exponential backoff between attempts at a page: {@code base}, then twice as long per retry, never
 * longer than {@code max}.
 *
 * @param base the pause before the first retry
 * @param max the longest pause
 */
record Backoff(Duration base, Duration max) {

    Backoff {
        if (base.isNegative() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= base <= max, not " + base + " and " + max);
        }
    }

    /** The pause before retry number {@code retry} (1 for the second attempt). */
    Duration before(int retry) {
        Duration pause = this.base;
        for (int doubling = 1; doubling < retry && pause.compareTo(this.max) < 0; doubling++) {
            pause = pause.multipliedBy(2);
        }
        return (pause.compareTo(this.max) > 0) ? this.max : pause;
    }

}
