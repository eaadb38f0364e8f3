package io.curio.abtest.exposure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.curio.abtest.assignment.RunningExperimentsLoaded;
import io.curio.abtest.experiment.Experiment;
import io.curio.abtest.experiment.Variant;

/**
 * The {@code curio.abtest.impressions} and {@code curio.abtest.clicks} counters, registered for every variant of
 * a running experiment as soon as it is loaded, so that an operator sees zeros before the first count.
 */
@Component
class ExposureMeters {

    private static final String IMPRESSIONS = "curio.abtest.impressions";

    private static final String CLICKS = "curio.abtest.clicks";

    private final MeterRegistry meters;

    ExposureMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    @EventListener
    void runningExperimentsLoaded(RunningExperimentsLoaded loaded) {
        for (Experiment experiment : loaded.running()) {
            for (Variant variant : experiment.variants()) {
                impressions(experiment.key(), variant.name());
                clicks(experiment.key(), variant.name());
            }
        }
    }

    Counter impressions(String experiment, String variant) {
        return counter(IMPRESSIONS, "Impressions newly recorded for a variant", experiment, variant);
    }

    Counter clicks(String experiment, String variant) {
        return counter(CLICKS, "Distinct (impression, book) clicks newly recorded for a variant", experiment,
                variant);
    }

    private Counter counter(String name, String description, String experiment, String variant) {
        return Counter.builder(name)
            .description(description)
            .tag("experiment", experiment)
            .tag("variant", variant)
            .register(this.meters);
    }

}
