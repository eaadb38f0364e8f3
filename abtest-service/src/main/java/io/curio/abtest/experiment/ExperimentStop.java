package io.curio.abtest.experiment;

import jakarta.validation.constraints.Pattern;

/**
 * The optional body of {@code POST /v1/experiments/{key}/stop}.
 *
 * @param winner the variant every targeted user of the surface gets once the experiment stopped; without one,
 * everyone goes back to the default model
 */
public record ExperimentStop(
        @Pattern(regexp = NewExperiment.NAME, message = "must match " + NewExperiment.NAME) String winner) {

    /** Stopping without a winner. */
    public static final ExperimentStop NO_WINNER = new ExperimentStop(null);

}
