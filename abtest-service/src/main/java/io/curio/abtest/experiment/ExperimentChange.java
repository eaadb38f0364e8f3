package io.curio.abtest.experiment;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PATCH /v1/experiments/{key}}: a ramp of the traffic, new weights, or both.
 *
 * @param trafficPercent the new share of eligible users in the experiment, 0..100; unchanged when absent
 * @param variants the new weight of every stored variant, in declared order; unchanged when absent
 */
public record ExperimentChange(@Min(0) @Max(100) Integer trafficPercent,
        @Size(min = 2, max = NewExperiment.MAX_VARIANTS) List<@NotNull @Valid Weight> variants) {

    /**
     * @param name the stored variant at this position
     * @param weight its new share of the experiment's users in percent, 1..100
     * @param model optional; when given, the variant's stored model, which cannot change
     */
    public record Weight(@NotNull @Pattern(regexp = NewExperiment.NAME, message = "must match " + NewExperiment.NAME)
            String name, @NotNull @Min(1) @Max(100) Integer weight, String model) {

        public Weight(String name, Integer weight) {
            this(name, weight, null);
        }

    }

}
