package io.curio.inference.recommendation;

import jakarta.validation.constraints.NotBlank;

import io.curio.events.stream.StreamLocation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The engagement stream impressions go to, under {@code curio.stream}.
 *
 * @param name the Kinesis stream
 * @param endpoint Kinesis endpoint (empty: AWS default)
 * @param region Kinesis region
 */
@Validated
@ConfigurationProperties("curio.stream")
public record StreamProperties(@DefaultValue("engagement-events") @NotBlank String name,
        @DefaultValue("http://127.0.0.1:4567") String endpoint, @DefaultValue("us-east-1") String region) {

    public StreamLocation location() {
        return new StreamLocation(this.name, this.endpoint, this.region);
    }

}
