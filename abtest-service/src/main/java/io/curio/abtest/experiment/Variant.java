package io.curio.abtest.experiment;

/**
 * One arm of an experiment.
 *
 * @param name unique within the experiment; the first variant is the control
 * @param weight share of the experiment's users, in percent; the weights of an experiment sum to 100
 * @param model the model serving it: {@code algorithm} (latest version) or {@code algorithm@version}
 */
public record Variant(String name, int weight, String model) {
}
