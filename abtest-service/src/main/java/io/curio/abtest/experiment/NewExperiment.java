package io.curio.abtest.experiment;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /v1/experiments}.
 *
 * @param key unique name of the experiment
 * @param surface where the list is shown, {@code [a-z0-9-]{1,32}} like the surfaces inference-service serves
 * @param variants the arms in order; the first is the control
 * @param targeting optional restriction to plans and platforms
 * @param trafficPercent share of eligible users in the experiment, 0..100; 100 when absent
 */
public record NewExperiment(
        @NotNull @Pattern(regexp = NewExperiment.NAME, message = "must match " + NewExperiment.NAME) String key,
        @NotNull @Pattern(regexp = NewExperiment.SURFACE, message = "must match " + NewExperiment.SURFACE)
        String surface,
        @NotNull @Size(min = 2, max = MAX_VARIANTS) List<@NotNull @Valid NewVariant> variants,
        @Valid NewTargeting targeting,
        @Min(0) @Max(100) Integer trafficPercent) {

    static final String NAME = "[a-z0-9-]{1,64}";

    static final String SURFACE = "[a-z0-9-]{1,32}";

    static final int DEFAULT_TRAFFIC_PERCENT = 100;

    static final int MAX_VARIANTS = 16;

    /**
     * One arm of a new experiment.
     *
     * @param name unique within the experiment
     * @param weight share of the experiment's users in percent, 1..100; all weights sum to 100
     * @param model {@code algorithm} or {@code algorithm@version}
     */
    public record NewVariant(
            @NotNull @Pattern(regexp = NAME, message = "must match " + NAME) String name,
            @NotNull @Min(1) @Max(100) Integer weight,
            @NotNull @Pattern(regexp = MODEL, message = "must match " + MODEL) String model) {

        static final String MODEL = "[a-z0-9-]{1,64}(@[A-Za-z0-9._-]{1,64})?";

    }

    /**
     * Which users the experiment may include; an empty or missing list places no restriction.
     *
     * @param plans {@code free} and/or {@code premium}
     * @param platforms client platforms such as {@code ios}, {@code android}, {@code web}
     */
    public record NewTargeting(
            @Size(max = 2) List<@NotNull @Pattern(regexp = PLAN, message = "must be free or premium") String> plans,
            @Size(max = 16) List<@NotNull @Pattern(regexp = PLATFORM, message = MATCH + PLATFORM) String> platforms) {

        static final String PLAN = "free|premium";

        static final String PLATFORM = "[a-z0-9-]{1,32}";

        static final String MATCH = "must match ";

    }

}
