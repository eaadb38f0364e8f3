package io.curio.ingestion.stream;

import io.curio.events.stream.StreamLocation;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the collector puts events.
 *
 * @param name the Kinesis stream
 * @param endpoint Kinesis endpoint override; empty for AWS's own endpoint
 * @param region the Kinesis region
 */
@Validated
@ConfigurationProperties("curio.stream")
public record StreamSettings(@NotBlank @DefaultValue("engagement-events") String name,
        @DefaultValue("http://127.0.0.1:4567") String endpoint, @DefaultValue("us-east-1") String region) {

    public StreamLocation location() {
        return new StreamLocation(this.name, this.endpoint, this.region);
    }

}
