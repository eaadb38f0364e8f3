package io.curio.abtest.assignment;

/**
 * The answer of {@code GET /internal/assignments}: the experiment and variant are {@code null} when no running
 * experiment includes the user on the surface; the model too, unless a stopped experiment's winner serves it.
 *
 * @param experiment the experiment key
 * @param variant the variant name
 * @param model the model to serve, {@code algorithm} or {@code algorithm@version}; {@code null} for the default
 */
public record Assignment(String experiment, String variant, String model) {

    public static final Assignment NONE = new Assignment(null, null, null);

}
