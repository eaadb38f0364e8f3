package io.curio.feature.attributes;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When the attributes in force count as stale; the same key as ingestion-service's.
 *
 * @param staleAfter time since the snapshot in force was last known current past which health reports
 * it stale
 */
@Validated
@ConfigurationProperties("curio.attributes")
public record AttributeHealthSettings(@NotNull @DefaultValue("30m") Duration staleAfter) {
}
