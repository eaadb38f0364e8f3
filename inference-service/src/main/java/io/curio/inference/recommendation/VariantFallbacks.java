package io.curio.inference.recommendation;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts lists whose assigned variant's model could not be served, by reason. Every reason is registered
 * at zero when the service starts.
 */
public class VariantFallbacks {

    private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);

    public VariantFallbacks(MeterRegistry meters) {
        for (Reason reason : Reason.values()) {
            this.counters.put(reason, Counter.builder("curio.inference.variant.fallbacks")
                .description("Lists served with another model than the assigned variant's")
                .tag("reason", reason.tag())
                .register(meters));
        }
    }

    void count(Reason reason) {
        this.counters.get(reason).increment();
    }

    /** Why a variant's model could not be served. */
    enum Reason {

        /** The variant names no built-in algorithm, or a malformed version. */
        UNKNOWN_MODEL("unknown-model"),

        /** The algorithm has no trained model, or the named version cannot be loaded. */
        MODEL_UNAVAILABLE("model-unavailable");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }

        String tag() {
            return this.tag;
        }

    }

}
