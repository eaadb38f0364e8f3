package io.curio.feature;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the feature service under {@code curio.features}.
 *
 * @param snapshotPollInterval how often the data hub is checked for a newer attribute snapshot
 */
@Validated
@ConfigurationProperties("curio.features")
public record FeatureProperties(@NotNull @DefaultValue("10s") Duration snapshotPollInterval) {

    public FeatureProperties {
        if (snapshotPollInterval != null && (snapshotPollInterval.isNegative() || snapshotPollInterval.isZero())) {
            throw new IllegalArgumentException(
                    "curio.features.snapshot-poll-interval must be positive, not " + snapshotPollInterval);
        }
    }

}
