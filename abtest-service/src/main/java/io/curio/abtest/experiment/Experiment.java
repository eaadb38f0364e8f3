package io.curio.abtest.experiment;

import java.time.Instant;
import java.util.List;

/**
 * An experiment as stored: what it compares, on which surface, for whom, and where it is in its life.
 *
 * @param key unique name, {@code [a-z0-9-]{1,64}}
 * @param surface where the list is shown, e.g. {@code home}
 * @param status draft, running or stopped
 * @param trafficPercent share of eligible users in the experiment at all, 0..100
 * @param targeting which users are eligible
 * @param variants the arms in declared order; the first is the control
 * @param createdAt when it was created
 * @param startedAt when it was started, or {@code null}
 * @param stoppedAt when it was stopped, or {@code null}
 */
public record Experiment(String key, String surface, ExperimentStatus status, int trafficPercent, Targeting targeting,
        List<Variant> variants, Instant createdAt, Instant startedAt, Instant stoppedAt) {

    public Experiment {
        variants = List.copyOf(variants);
    }

    public Variant control() {
        return this.variants.get(0);
    }

}
