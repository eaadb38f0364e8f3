package io.curio.inference;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the inference service, under {@code curio.inference}.
 *
 * @param defaultModel model served when no experiment assigns one ({@code algorithm} or
 * {@code algorithm@version})
 * @param servingRules how the serving rules are copied from abtest-service
 * @param profileTimeout how long to wait for feature-service's user profile
 * @param catalogueTimeout how long to wait for feature-service's catalogue
 * @param catalogueRefresh how often the active catalogue is revalidated
 * @param popularity popularity training settings
 * @param neighbours item-neighbours training settings
 * @param ease EASE training settings
 * @param als ALS training settings
 * @param blend blend training settings
 * @param training training job settings
 */
@Validated
@ConfigurationProperties("curio.inference")
public record InferenceProperties(@DefaultValue("blend") @NotBlank String defaultModel,
        @DefaultValue @Valid ServingRulesCopy servingRules,
        @DefaultValue("500ms") @NotNull Duration profileTimeout,
        @DefaultValue("5s") @NotNull Duration catalogueTimeout,
        @DefaultValue("30s") @NotNull Duration catalogueRefresh,
        @DefaultValue @Valid Popularity popularity,
        @DefaultValue @Valid Neighbours neighbours,
        @DefaultValue @Valid Ease ease,
        @DefaultValue @Valid Als als,
        @DefaultValue @Valid Blend blend,
        @DefaultValue @Valid Training training) {

    /** The settings with every default. */
    public static InferenceProperties defaults() {
        return of(Map.of());
    }

    /**
     * The settings with the given values (keys as in {@code application.yaml}, such as
     * {@code curio.inference.ease.lambda}) over the defaults, checked as the service checks them.
     *
     * @throws IllegalArgumentException naming a key that is not a setting, a value that does not convert, or a
     * value out of its range
     */
    public static InferenceProperties of(Map<String, String> values) {
        InferenceProperties properties;
        try {
            properties = new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("curio.inference",
                    Bindable.of(InferenceProperties.class), new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
        }
        catch (BindException ex) {
            throw new IllegalArgumentException(describe(ex), ex);
        }
        try (ValidatorFactory validators = Validation.buildDefaultValidatorFactory()) {
            List<String> violations = validators.getValidator()
                .validate(properties)
                .stream()
                .map((violation) -> violation.getPropertyPath() + " " + violation.getMessage())
                .sorted()
                .toList();
            if (!violations.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", violations));
            }
        }
        return properties;
    }

    private static String describe(BindException ex) {
        Throwable cause = ex;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof UnboundConfigurationPropertiesException unbound) {
            return "not a setting: " + unbound.getUnboundProperties()
                .stream()
                .map((property) -> property.getName().toString())
                .sorted()
                .toList();
        }
        return ex.getProperty().getName() + " = '" + ex.getProperty().getValue() + "': " + cause.getMessage();
    }

    /**
     * @param refreshInterval how often abtest-service is asked whether the serving rules changed
     * @param timeout how long one such question may take
     */
    public record ServingRulesCopy(@DefaultValue("2s") @NotNull Duration refreshInterval,
            @DefaultValue("1s") @NotNull Duration timeout) {
    }

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
     * @param lambda added to the diagonal of the book Gram matrix
     * @param maxItems books modelled, the most read ones; the inverse costs maxItems³ and 4·maxItems² bytes
     * @param kept strongest weights kept per book for serving
     * @param savedWeight weight of a to-read mark against 1 for a strong signal; 0 leaves them out
     */
    public record Ease(@DefaultValue("100") @DecimalMin("0.001") float lambda,
            @DefaultValue("8000") @Min(1) @Max(20000) int maxItems,
            @DefaultValue("200") @Min(1) @Max(1000) int kept,
            @DefaultValue("0") @DecimalMin("0") float savedWeight) {
    }

    /**
     * @param factors length of every factor vector
     * @param iterations passes over readers then books
     * @param alpha confidence gained per unit of weight
     * @param lambda regularization of both factor matrices
     * @param conjugateGradientSteps steps per row and half-iteration; 0 solves exactly
     * @param savedWeight weight of a to-read mark against 1 for a strong signal; 0 leaves them out
     * @param seed seed of the initial factors
     */
    public record Als(@DefaultValue("64") @Min(1) @Max(1024) int factors,
            @DefaultValue("10") @Min(1) @Max(100) int iterations,
            @DefaultValue("40") @DecimalMin("0") float alpha,
            @DefaultValue("10") @DecimalMin("0.0001") float lambda,
            @DefaultValue("3") @Min(0) @Max(64) int conjugateGradientSteps,
            @DefaultValue("0") @DecimalMin("0") float savedWeight,
            @DefaultValue("42") long seed) {
    }

    /**
     * @param collaborative the collaborative part: {@code ease}, {@code als} or {@code item-neighbours}
     * @param savedWeight weight of a to-read mark in the collaborative part (an EASE or ALS part only)
     * @param contentHistory history length at which the content part weighs as much as the collaborative one
     */
    public record Blend(@DefaultValue("ease") @NotBlank String collaborative,
            @DefaultValue("0") @DecimalMin("0") float savedWeight,
            @DefaultValue("5") @DecimalMin("0") float contentHistory) {
    }

    /**
     * @param threads threads that compute neighbours in parallel
     * @param jobsKept finished training jobs whose status stays queryable
     * @param heldOutReaders readers whose fifth of strong positives is held out of every training to measure
     * the model (the metrics the promotion gate compares); 0 trains on everything and measures nothing
     * @param heldOutSeed seed of the held-out readers and their targets
     */
    public record Training(@DefaultValue("2") @Min(1) @Max(64) int threads,
            @DefaultValue("100") @Min(1) int jobsKept,
            @DefaultValue("2000") @Min(0) int heldOutReaders,
            @DefaultValue("42") long heldOutSeed) {
    }

}
