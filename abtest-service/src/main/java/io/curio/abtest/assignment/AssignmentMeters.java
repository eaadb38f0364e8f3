package io.curio.abtest.assignment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.curio.abtest.experiment.Experiment;

/**
 * The {@code curio.abtest.assignments} counters, registered for every variant of a running experiment as soon as
 * it is loaded, so that an operator sees zeros before the first assignment.
 */
@Component
class AssignmentMeters {

    private final MeterRegistry meters;

    AssignmentMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    @EventListener
    void runningExperimentsLoaded(RunningExperimentsLoaded loaded) {
        for (Experiment experiment : loaded.running()) {
            experiment.variants().forEach((variant) -> assignments(experiment.key(), variant.name()));
        }
    }

    Counter assignments(String experiment, String variant) {
        return Counter.builder("curio.abtest.assignments")
            .description("Users assigned to a variant, one per assignment answered")
            .tag("experiment", experiment)
            .tag("variant", variant)
            .register(this.meters);
    }

}
