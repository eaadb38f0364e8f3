package io.curio.abtest.exposure;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an impression event says about the list it logs, read from its {@code properties}. A value of the wrong
 * type or shape is read as absent, so one odd field never holds up the stream.
 *
 * @param experiment the experiment key, or {@code null}
 * @param variant the variant name, or {@code null}
 * @param surface where the list was shown, or {@code null}
 * @param algorithm the algorithm that ranked it, or {@code null}
 * @param modelVersion the version of the model that ranked it, or {@code null}
 * @param fallback whether the list was a fallback ({@code degraded: true})
 * @param canary the model canary the list belongs to, or {@code null}
 */
record ImpressionContext(String experiment, String variant, String surface, String algorithm, String modelVersion,
        boolean fallback, Canary canary) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}");

    private static final Pattern SURFACE = Pattern.compile("[a-z0-9-]{1,32}");

    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9:._-]{1,64}");

    private static final Set<String> ARMS = Set.of("candidate", "baseline");

    static ImpressionContext of(Map<String, Object> properties) {
        return new ImpressionContext(matching(properties.get("experiment"), NAME),
                matching(properties.get("variant"), NAME), matching(properties.get("surface"), SURFACE),
                matching(properties.get("algorithm"), NAME), matching(properties.get("modelVersion"), VERSION),
                Boolean.TRUE.equals(properties.get("degraded")), canary(properties.get("canary")));
    }

    /** Whether it names both an experiment and a variant, declared or not. */
    boolean namesVariant() {
        return this.experiment != null && this.variant != null;
    }

    /** The same context without experiment and variant, for a list whose variant is not a declared one. */
    ImpressionContext outsideExperiments() {
        return new ImpressionContext(null, null, this.surface, this.algorithm, this.modelVersion, this.fallback,
                this.canary);
    }

    private static Canary canary(Object value) {
        if (!(value instanceof Map<?, ?> canary)) {
            return null;
        }
        String id = matching(canary.get("id"), NAME);
        Object arm = canary.get("arm");
        return (id != null && arm instanceof String name && ARMS.contains(name)) ? new Canary(id, name) : null;
    }

    private static String matching(Object value, Pattern pattern) {
        return (value instanceof String text && pattern.matcher(text).matches()) ? text : null;
    }

    /**
     * The canary of a model version a list was served under.
     *
     * @param id the canary id, {@code [a-z0-9-]{1,64}}
     * @param arm {@code candidate} (the new version) or {@code baseline} (the version it may replace)
     */
    record Canary(String id, String arm) {
    }

}
