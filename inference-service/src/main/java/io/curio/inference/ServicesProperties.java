package io.curio.inference;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the other Curio services answer, under {@code curio.services}.
 *
 * @param featureUrl feature-service base URL (profiles, catalogue)
 * @param abtestUrl abtest-service base URL (assignments)
 */
@Validated
@ConfigurationProperties("curio.services")
public record ServicesProperties(@DefaultValue("http://127.0.0.1:8082") @NotNull URI featureUrl,
        @DefaultValue("http://127.0.0.1:8084") @NotNull URI abtestUrl) {
}
