package io.curio.abtest.assignment;

import java.util.List;

import io.curio.abtest.experiment.Experiment;

/**
 * The running experiments were (re)loaded into memory.
 *
 * @param running every running experiment, one per surface
 */
public record RunningExperimentsLoaded(List<Experiment> running) {

    public RunningExperimentsLoaded {
        running = List.copyOf(running);
    }

}
