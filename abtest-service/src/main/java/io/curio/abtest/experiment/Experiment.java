package io.curio.abtest.experiment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.curio.assignment.RunningExperiment;
import io.curio.assignment.SurfaceWinner;
import io.curio.assignment.Targeting;

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
 * @param winner the variant it was stopped with as the winner, or {@code null}
 */
public record Experiment(String key, String surface, ExperimentStatus status, int trafficPercent, Targeting targeting,
        List<Variant> variants, Instant createdAt, Instant startedAt, Instant stoppedAt, String winner) {

    public Experiment {
        variants = List.copyOf(variants);
    }

    /** An experiment without a winner. */
    public Experiment(String key, String surface, ExperimentStatus status, int trafficPercent, Targeting targeting,
            List<Variant> variants, Instant createdAt, Instant startedAt, Instant stoppedAt) {
        this(key, surface, status, trafficPercent, targeting, variants, createdAt, startedAt, stoppedAt, null);
    }

    /** The experiment as assignment sees it. */
    public RunningExperiment running() {
        return new RunningExperiment(this.key, this.surface, this.trafficPercent, this.targeting,
                this.variants.stream().map(Variant::arm).toList());
    }

    /** What its surface serves once it stopped with a winner; empty without one. */
    public Optional<SurfaceWinner> surfaceWinner() {
        return variant(this.winner)
            .map((won) -> new SurfaceWinner(this.surface, this.key, won.name(), won.model(), this.targeting));
    }

    /** The variant of that name. */
    public Optional<Variant> variant(String name) {
        return this.variants.stream().filter((variant) -> variant.name().equals(name)).findFirst();
    }

    public Variant control() {
        return this.variants.get(0);
    }

}
