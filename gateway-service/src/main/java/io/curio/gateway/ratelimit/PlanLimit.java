package io.curio.gateway.ratelimit;

/**
 * A plan's limits: a token bucket refilled at {@code rate} tokens a second, holding at most {@code burst}, and
 * optionally a number of requests allowed per user and UTC day.
 *
 * @param rate tokens added per second, above zero
 * @param burst the bucket's capacity, at least {@code rate}
 * @param dailyQuota requests allowed per user and UTC day, above zero; {@code null} for no quota
 */
public record PlanLimit(double rate, int burst, Long dailyQuota) {

    public PlanLimit {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be above 0, was " + rate);
        }
        if (burst <= 0) {
            throw new IllegalArgumentException("burst must be above 0, was " + burst);
        }
        if (burst < rate) {
            throw new IllegalArgumentException("burst must be at least rate (" + rate + "), was " + burst);
        }
        if (dailyQuota != null && dailyQuota <= 0) {
            throw new IllegalArgumentException("daily-quota must be above 0, or left out for no quota, was "
                    + dailyQuota);
        }
    }

    /** The quota as {@code token-bucket.lua} reads it: 0 for none. */
    long scriptQuota() {
        return dailyQuota == null ? 0 : dailyQuota;
    }

    /** How long an untouched bucket takes to fill up again, after which its state can be forgotten. */
    long refillMicros() {
        return (long) Math.ceil(burst / rate * 1_000_000d);
    }
}
