package io.curio.abtest.assignment;

/**
 * The answer of {@code GET /internal/assignments}: all three {@code null} when no running experiment targets
 * the user and surface.
 *
 * @param experiment the experiment key
 * @param variant the variant name
 * @param model the variant's model, {@code algorithm} or {@code algorithm@version}
 */
public record Assignment(String experiment, String variant, String model) {

    public static final Assignment NONE = new Assignment(null, null, null);

}
