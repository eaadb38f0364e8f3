package io.curio.inference;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the inference service, under {@code curio.inference}.
 *
 * @param defaultModel model served when no experiment assigns one ({@code algorithm} or
 * {@code algorithm@version})
 * @param assignmentTimeout how long to wait for abtest-service's assignment
 * @param profileTimeout how long to wait for feature-service's user profile
 * @param catalogueTimeout how long to wait for feature-service's catalogue
 * @param catalogueRefresh how often the active catalogue is revalidated
 * @param popularity popularity training settings
 * @param neighbours item-neighbours training settings
 * @param training training job settings
 */
@Validated
@ConfigurationProperties("curio.inference")
public record InferenceProperties(@DefaultValue("item-neighbours") @NotBlank String defaultModel,
        @DefaultValue("300ms") @NotNull Duration assignmentTimeout,
        @DefaultValue("500ms") @NotNull Duration profileTimeout,
        @DefaultValue("5s") @NotNull Duration catalogueTimeout,
        @DefaultValue("30s") @NotNull Duration catalogueRefresh,
        @DefaultValue @Valid Popularity popularity,
        @DefaultValue @Valid Neighbours neighbours,
        @DefaultValue @Valid Training training) {

    /**
     * @param halfLife age at which an interaction counts half, relative to the newest event
     */
    public record Popularity(@DefaultValue("30d") @NotNull Duration halfLife) {
    }

    /**
     * @param shrink added to the cosine denominator so that pairs seen by few readers rank lower
     * @param neighbours neighbours kept per book
     */
    public record Neighbours(@DefaultValue("10") @DecimalMin("0") double shrink,
            @DefaultValue("50") @Min(1) @Max(1000) int neighbours) {
    }

    /**
     * @param threads threads that compute neighbours in parallel
     * @param jobsKept finished training jobs whose status stays queryable
     */
    public record Training(@DefaultValue("2") @Min(1) @Max(64) int threads,
            @DefaultValue("100") @Min(1) int jobsKept) {
    }

}
