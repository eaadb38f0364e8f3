package io.curio.gateway.ratelimit;

/**
 * A token bucket's shape: refilled at {@code rate} tokens a second, holding at most {@code burst}.
 *
 * @param rate tokens added per second, above zero
 * @param burst the bucket's capacity, at least {@code rate}
 */
public record PlanLimit(double rate, int burst) {

    public PlanLimit {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be above 0, was " + rate);
        }
        if (burst < rate) {
            throw new IllegalArgumentException("burst must be at least rate (" + rate + "), was " + burst);
        }
    }

    /** How long an untouched bucket takes to fill up again, after which its state can be forgotten. */
    long refillMicros() {
        return (long) Math.ceil(burst / rate * 1_000_000d);
    }
}
