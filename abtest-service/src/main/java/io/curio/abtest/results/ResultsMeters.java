package io.curio.abtest.results;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import io.curio.abtest.AbtestProperties;
import io.curio.abtest.assignment.RunningExperimentsLoaded;
import io.curio.abtest.experiment.Experiment;
import io.curio.abtest.experiment.Variant;

/**
 * The {@code curio.abtest.ctr} gauge: the CTR of every variant of every running experiment, as the results
 * compute it (outcomes inside the attribution window), {@code NaN} before its first impression. Recomputed when
 * the running experiments are loaded, at most once every {@code curio.abtest.refresh-interval}.
 */
@Component
class ResultsMeters {

    private static final Log logger = LogFactory.getLog(ResultsMeters.class);

    private final MeterRegistry meters;

    private final MeasuredResults measured;

    private final Clock clock;

    private final Duration interval;

    private final Map<String, Double> ctrs = new ConcurrentHashMap<>();

    private volatile Instant computedAt = Instant.MIN;

    private volatile boolean failing;

    ResultsMeters(MeterRegistry meters, MeasuredResults measured, Clock clock, AbtestProperties properties) {
        this.meters = meters;
        this.measured = measured;
        this.clock = clock;
        this.interval = properties.refreshInterval();
    }

    @EventListener
    void runningExperimentsLoaded(RunningExperimentsLoaded loaded) {
        Instant now = this.clock.instant();
        if (now.isBefore(this.computedAt.plus(this.interval))) {
            return;
        }
        this.computedAt = now;
        try {
            loaded.running().forEach(this::refresh);
            this.failing = false;
        }
        catch (DataAccessException ex) {
            reportFailure(ex);
        }
    }

    /** The value the gauge of a variant shows. */
    double ctr(String experiment, String variant) {
        return this.ctrs.getOrDefault(experiment + '/' + variant, Double.NaN);
    }

    private void refresh(Experiment experiment) {
        Map<String, VariantCounts> counts = this.measured.countsPerVariant(experiment.key());
        for (Variant variant : experiment.variants()) {
            VariantCounts measured = counts.getOrDefault(variant.name(), VariantCounts.NONE);
            double ctr = (measured.impressions() == 0) ? Double.NaN
                    : (double) measured.clickedImpressions() / measured.impressions();
            this.ctrs.put(experiment.key() + '/' + variant.name(), ctr);
            Gauge.builder("curio.abtest.ctr", this, (self) -> self.ctr(experiment.key(), variant.name()))
                .description("Share of a variant's impressions with an attributed click")
                .tag("experiment", experiment.key())
                .tag("variant", variant.name())
                .strongReference(true)
                .register(this.meters);
        }
    }

    private void reportFailure(DataAccessException ex) {
        if (!this.failing) {
            logger.warn("Could not recompute the CTR gauges; they keep their previous values", ex);
            this.failing = true;
        }
        else if (logger.isDebugEnabled()) {
            logger.debug("Recomputing the CTR gauges still fails", ex);
        }
    }

}
