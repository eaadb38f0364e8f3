package io.curio.abtest.exposure;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.curio.abtest.assignment.RunningExperimentsLoaded;
import io.curio.abtest.experiment.Experiment;
import io.curio.abtest.experiment.Variant;

/**
 * The exposure counters of every variant: impressions, fallback impressions, clicks and attributed outcomes,
 * registered for every variant of a running experiment as soon as it is loaded, so that an operator sees zeros
 * before the first count.
 */
@Component
class ExposureMeters {

    /** The outcome types of {@code curio.abtest.outcomes}. */
    static final List<String> OUTCOME_TYPES = List.of("click", "open", "finish", "upgrade");

    /** The reasons of {@code curio.abtest.impressions.refused}. */
    static final List<String> REFUSAL_REASONS = List.of("unsigned", "bad-signature");

    private final MeterRegistry meters;

    ExposureMeters(MeterRegistry meters) {
        this.meters = meters;
        REFUSAL_REASONS.forEach(this::refusedImpressions);
    }

    @EventListener
    void runningExperimentsLoaded(RunningExperimentsLoaded loaded) {
        for (Experiment experiment : loaded.running()) {
            for (Variant variant : experiment.variants()) {
                register(experiment.key(), variant.name());
            }
        }
    }

    private void register(String experiment, String variant) {
        impressions(experiment, variant);
        fallbackImpressions(experiment, variant);
        clicks(experiment, variant);
        OUTCOME_TYPES.forEach((type) -> outcomes(experiment, variant, type));
    }

    Counter impressions(String experiment, String variant) {
        return counter("curio.abtest.impressions", "Impressions newly recorded for a variant", experiment, variant)
            .register(this.meters);
    }

    Counter fallbackImpressions(String experiment, String variant) {
        return counter("curio.abtest.fallback.impressions", "Impressions of fallback lists newly recorded",
                experiment, variant)
            .register(this.meters);
    }

    Counter clicks(String experiment, String variant) {
        return counter("curio.abtest.clicks", "Distinct (impression, book) clicks newly attributed to a variant",
                experiment, variant)
            .register(this.meters);
    }

    Counter outcomes(String experiment, String variant, String type) {
        return counter("curio.abtest.outcomes", "Distinct outcomes newly attributed to an impression of a variant",
                experiment, variant)
            .tag("type", type)
            .register(this.meters);
    }

    Counter refusedImpressions(String reason) {
        return Counter.builder("curio.abtest.impressions.refused")
            .description("Impressions not kept because their signature was missing or did not verify")
            .tag("reason", reason)
            .register(this.meters);
    }

    private static Counter.Builder counter(String name, String description, String experiment, String variant) {
        return Counter.builder(name).description(description).tag("experiment", experiment).tag("variant", variant);
    }

}
