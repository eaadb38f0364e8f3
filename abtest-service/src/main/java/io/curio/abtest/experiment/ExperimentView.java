package io.curio.abtest.experiment;

import java.time.Instant;
import java.util.List;

import io.curio.assignment.Targeting;

/**
 * An experiment as the API shows it.
 */
record ExperimentView(String key, String surface, String status, int trafficPercent, Targeting targeting,
        List<Variant> variants, Instant createdAt, Instant startedAt, Instant stoppedAt, String winner) {

    static ExperimentView of(Experiment experiment) {
        return new ExperimentView(experiment.key(), experiment.surface(), experiment.status().wireName(),
                experiment.trafficPercent(), experiment.targeting(), experiment.variants(), experiment.createdAt(),
                experiment.startedAt(), experiment.stoppedAt(), experiment.winner());
    }

}
