package io.curio.inference.recommendation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * abtest-service's answer for a reader and surface; all {@code null} when no experiment targets them.
 *
 * @param experiment the experiment key
 * @param variant the variant name
 * @param model the variant's model, {@code algorithm} or {@code algorithm@version}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Assignment(String experiment, String variant, String model) {

    public static Assignment none() {
        return new Assignment(null, null, null);
    }

    public boolean inExperiment() {
        return this.experiment != null && this.variant != null;
    }

}
