package io.curio.assignment;

import java.util.List;
import java.util.Optional;

/**
 * Everything that decides which model serves a request, published by abtest-service and applied locally by
 * inference-service on every request without a network hop: the running experiments (at most one per
 * surface), the winners of stopped experiments, and the canaries of new model versions.
 *
 * @param experiments the running experiments
 * @param winners per surface without a running experiment, the latest winner it was stopped with
 * @param canaries the canaries in progress, at most one per algorithm
 */
public record ServingRules(List<RunningExperiment> experiments, List<SurfaceWinner> winners,
        List<ModelCanary> canaries) {

    public static final ServingRules NONE = new ServingRules(List.of(), List.of(), List.of());

    public ServingRules {
        experiments = (experiments != null) ? List.copyOf(experiments) : List.of();
        winners = (winners != null) ? List.copyOf(winners) : List.of();
        canaries = (canaries != null) ? List.copyOf(canaries) : List.of();
    }

    /**
     * Places a request: the running experiment on the surface decides for the users it includes; a user it
     * leaves out gets the default. Without a running experiment, a stopped experiment's winner serves the users
     * its targeting includes.
     */
    public Placement place(String userId, String surface, String plan, String platform) {
        Optional<RunningExperiment> running = this.experiments.stream()
            .filter((experiment) -> experiment.surface().equals(surface))
            .findFirst();
        if (running.isPresent()) {
            RunningExperiment experiment = running.get();
            return experiment.assign(userId, plan, platform)
                .map((arm) -> new Placement(experiment.key(), arm.name(), arm.model()))
                .orElse(Placement.DEFAULT);
        }
        return this.winners.stream()
            .filter((winner) -> winner.surface().equals(surface) && winner.targeting().includes(plan, platform))
            .findFirst()
            .map((winner) -> new Placement(null, null, winner.model()))
            .orElse(Placement.DEFAULT);
    }

    /** The canary of an algorithm, if one is in progress. */
    public Optional<ModelCanary> canaryOf(String algorithm) {
        return this.canaries.stream().filter((canary) -> canary.algorithm().equals(algorithm)).findFirst();
    }

}
