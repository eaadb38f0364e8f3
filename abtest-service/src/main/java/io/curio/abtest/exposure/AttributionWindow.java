package io.curio.abtest.exposure;

import java.time.Duration;
import java.time.Instant;

import io.curio.abtest.AbtestProperties;

/**
 * When an outcome (click, open, finish, upgrade) counts for the impression whose request id it carries: stamped
 * no earlier than {@code skew} before the impression and no later than {@code window} after it, both ends
 * included.
 *
 * @param window how long after the impression an outcome still counts; positive
 * @param skew how much earlier than the impression an outcome may be stamped, for device clocks running behind
 */
public record AttributionWindow(Duration window, Duration skew) {

    public static AttributionWindow of(AbtestProperties properties) {
        return new AttributionWindow(properties.attributionWindow(), properties.attributionSkew());
    }

    /** Whether an outcome stamped {@code outcome} counts for an impression stamped {@code impression}. */
    public boolean covers(Instant impression, Instant outcome) {
        return !outcome.isBefore(impression.minus(this.skew)) && !outcome.isAfter(impression.plus(this.window));
    }

}
