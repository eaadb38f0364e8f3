package io.curio.abtest.canary;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of model canaries, bound from {@code curio.abtest.canary.*}.
 *
 * @param checkInterval how often the guardrail checks every canary in progress; 1 s up to 1 h
 * @param alpha the significance level of the one-sided test that rolls a worse candidate back; above 0, at
 * most 0.5
 * @param inferenceUrl inference-service, whose model registry validates a new canary and activates a promoted
 * version
 * @param requestTimeout how long a call to inference-service may take; 100 ms up to 1 min
 */
@Validated
@ConfigurationProperties("curio.abtest.canary")
public record CanaryProperties(
        @DefaultValue("15s") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 1) Duration checkInterval,
        @DefaultValue("0.05") @DecimalMin(value = "0", inclusive = false) @DecimalMax("0.5") double alpha,
        @DefaultValue("http://127.0.0.1:8083") @NotNull URI inferenceUrl,
        @DefaultValue("5s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 1) Duration requestTimeout) {
}
