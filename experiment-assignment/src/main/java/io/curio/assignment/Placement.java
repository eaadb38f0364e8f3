package io.curio.assignment;

/**
 * Where a request lands: in a variant of a running experiment, on a stopped experiment's winner, or on the
 * default model ({@link #DEFAULT}, all {@code null}).
 *
 * @param experiment the running experiment's key, or {@code null} outside experiments
 * @param variant the variant's name, or {@code null} outside experiments
 * @param model the model to serve, {@code algorithm} or {@code algorithm@version}; {@code null} for the
 * default model
 */
public record Placement(String experiment, String variant, String model) {

    public static final Placement DEFAULT = new Placement(null, null, null);

    public boolean inExperiment() {
        return this.experiment != null;
    }

}
