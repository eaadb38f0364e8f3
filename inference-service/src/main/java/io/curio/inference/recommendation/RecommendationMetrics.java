package io.curio.inference.recommendation;

import java.util.concurrent.TimeUnit;

import io.curio.inference.model.Algorithm;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counts served lists and times them, by variant, algorithm and whether the list was a fallback. The
 * counters of lists served outside experiments are registered at zero when the service starts.
 */
public class RecommendationMetrics {

    private static final String NO_VARIANT = "none";

    private final MeterRegistry meters;

    public RecommendationMetrics(MeterRegistry meters) {
        this.meters = meters;
        registerOutsideExperiments();
    }

    private void registerOutsideExperiments() {
        for (Algorithm algorithm : Algorithm.values()) {
            requests(NO_VARIANT, algorithm.modelName(), "false");
            requests(NO_VARIANT, algorithm.modelName(), "true");
        }
    }

    public void served(RecommendationList list, long nanos) {
        String variant = (list.experiment() != null) ? list.experiment().variant() : NO_VARIANT;
        String algorithm = list.model().algorithm();
        String degraded = Boolean.toString(list.degraded());
        requests(variant, algorithm, degraded).increment();
        Timer.builder("curio.inference.latency")
            .description("Time to build a recommendation list")
            .tags("variant", variant, "algorithm", algorithm)
            .publishPercentileHistogram()
            .register(this.meters)
            .record(nanos, TimeUnit.NANOSECONDS);
    }

    private Counter requests(String variant, String algorithm, String degraded) {
        return Counter.builder("curio.inference.requests")
            .description("Recommendation lists served")
            .tags("variant", variant, "algorithm", algorithm, "degraded", degraded)
            .register(this.meters);
    }

}
