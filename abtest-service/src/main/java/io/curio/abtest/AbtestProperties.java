package io.curio.abtest;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the A/B test service, bound from {@code curio.abtest.*}.
 *
 * @param refreshInterval how often the in-memory copy of the running experiments is reloaded, on top of
 * the reload after every change made through this instance
 */
@Validated
@ConfigurationProperties("curio.abtest")
public record AbtestProperties(@NotNull Duration refreshInterval) {
}
