package io.curio.abtest.canary;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code curio.abtest.canary.percent{algorithm}}: the share of users given a candidate version, 0 when no canary
 * of the algorithm is in progress; {@code curio.abtest.canary.decisions{action}}: decisions recorded.
 */
@Component
class CanaryMeters {

    private final MeterRegistry meters;

    private final Map<String, AtomicInteger> percents = new ConcurrentHashMap<>();

    CanaryMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    void decided(CanaryAction action) {
        Counter.builder("curio.abtest.canary.decisions")
            .description("Decisions about canaries of model versions")
            .tag("action", action.wireName())
            .register(this.meters)
            .increment();
    }

    /** Shows the share of every canary in progress, and 0 for algorithms whose canary is over. */
    void inProgress(List<Canary> canaries) {
        Map<String, Integer> shown = canaries.stream()
            .collect(Collectors.toMap(Canary::algorithm, Canary::percent, Math::max));
        shown.keySet().forEach(this::percent);
        this.percents.forEach((algorithm, percent) -> percent.set(shown.getOrDefault(algorithm, 0)));
    }

    private AtomicInteger percent(String algorithm) {
        return this.percents.computeIfAbsent(algorithm, (name) -> {
            AtomicInteger percent = new AtomicInteger();
            Gauge.builder("curio.abtest.canary.percent", percent, AtomicInteger::get)
                .description("Share of users served a candidate model version, in percent")
                .baseUnit("percent")
                .tag("algorithm", name)
                .register(this.meters);
            return percent;
        });
    }

}
