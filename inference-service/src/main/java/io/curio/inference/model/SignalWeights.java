package io.curio.inference.model;

import java.util.Map;

/**
 * The weight a model gives each {@link Signal}; a weight of 0 leaves such interactions out.
 *
 * @param strong weight of a strong signal
 * @param saved weight of a to-read mark
 */
public record SignalWeights(float strong, float saved) {

    /** Strong signals only. */
    public static final SignalWeights STRONG_ONLY = new SignalWeights(1f, 0f);

    /** Every positive signal alike. */
    public static final SignalWeights EQUAL = new SignalWeights(1f, 1f);

    public SignalWeights {
        if (!(strong > 0f) || !(saved >= 0f) || Float.isInfinite(strong) || Float.isInfinite(saved)) {
            throw new IllegalArgumentException("signal weights must be finite, strong positive and saved not "
                    + "negative, not " + strong + " and " + saved);
        }
    }

    public float weight(Signal signal) {
        return (signal == Signal.STRONG) ? this.strong : this.saved;
    }

    /** The parameters a model records, so that serving weighs a history as training did. */
    public Map<String, Object> asParameters() {
        return Map.of("weight-strong", (double) this.strong, "weight-saved", (double) this.saved);
    }

    /** The weights recorded in a model's parameters, or {@link #EQUAL} when none are. */
    public static SignalWeights fromParameters(Map<String, Object> parameters) {
        Object strong = parameters.get("weight-strong");
        Object saved = parameters.get("weight-saved");
        if (!(strong instanceof Number) || !(saved instanceof Number)) {
            return EQUAL;
        }
        return new SignalWeights(((Number) strong).floatValue(), ((Number) saved).floatValue());
    }

}
