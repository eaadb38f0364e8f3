package io.curio.abtest.canary;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The body of {@code POST /v1/canaries}.
 *
 * @param algorithm the algorithm whose serving version the candidate would replace
 * @param version the candidate version, shaped {@code YYYY-MM-DDTHH-MM-SSZ}
 * @param steps the candidate's shares in percent, strictly increasing from below 100 up to 100; default
 * {@link #DEFAULT_STEPS}
 * @param stepDuration the least time a step lasts, 1 s up to 7 days; default {@link #DEFAULT_STEP_DURATION}
 * @param minImpressions the impressions each arm needs before it is judged, 1..10,000,000; default
 * {@link #DEFAULT_MIN_IMPRESSIONS}
 */
public record NewCanary(
        @NotNull @Pattern(regexp = ALGORITHM, message = "must match " + ALGORITHM) String algorithm,
        @NotNull @Pattern(regexp = VERSION, message = "must be shaped YYYY-MM-DDTHH-MM-SSZ") String version,
        @Size(min = 2, max = 20) List<@NotNull @Min(1) @Max(100) Integer> steps,
        @JsonDeserialize(using = IsoDurationDeserializer.class) @DurationMin(seconds = 1) @DurationMax(days = 7)
        Duration stepDuration,
        @Min(1) @Max(10_000_000) Integer minImpressions) {

    static final String ALGORITHM = "[a-z0-9-]{1,64}";

    static final String VERSION = "\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z";

    static final List<Integer> DEFAULT_STEPS = List.of(5, 25, 50, 100);

    static final Duration DEFAULT_STEP_DURATION = Duration.ofMinutes(10);

    static final int DEFAULT_MIN_IMPRESSIONS = 300;

    List<Integer> stepsOrDefault() {
        return (this.steps != null) ? this.steps : DEFAULT_STEPS;
    }

    Duration stepDurationOrDefault() {
        return (this.stepDuration != null) ? this.stepDuration : DEFAULT_STEP_DURATION;
    }

    int minImpressionsOrDefault() {
        return (this.minImpressions != null) ? this.minImpressions : DEFAULT_MIN_IMPRESSIONS;
    }

}
