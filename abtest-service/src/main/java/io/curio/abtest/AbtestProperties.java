package io.curio.abtest;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the A/B test service, bound from {@code curio.abtest.*}.
 *
 * @param refreshInterval how often the in-memory copy of the running experiments is reloaded, on top of
 * the reload after every change made through this instance
 * @param knownAlgorithms the algorithms inference-service can serve; a variant's model must name one of them
 */
@Validated
@ConfigurationProperties("curio.abtest")
public record AbtestProperties(@NotNull Duration refreshInterval,
        @NotEmpty List<@NotNull @Pattern(regexp = "[a-z0-9-]{1,64}") String> knownAlgorithms) {

    public AbtestProperties {
        knownAlgorithms = (knownAlgorithms != null) ? List.copyOf(knownAlgorithms) : null;
    }

}
