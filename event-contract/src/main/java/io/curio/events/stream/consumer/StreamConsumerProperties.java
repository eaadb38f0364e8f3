package io.curio.events.stream.consumer;

import java.time.Duration;

import io.curio.events.stream.StreamLocation;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service consumes the engagement stream, bound from {@code curio.stream.*}.
 *
 * @param name the Kinesis stream
 * @param endpoint Kinesis endpoint override (an emulator); empty for AWS's own endpoint
 * @param region the Kinesis region
 * @param consumerGroup the consumer group: checkpoints and shard locks are kept per group
 * @param schema the PostgreSQL schema of the checkpoint and lock tables; empty for the connection's
 *     current schema
 * @param retryBackoff pause before handing a failed batch to the handler again
 */
@ConfigurationProperties("curio.stream")
public record StreamConsumerProperties(@DefaultValue("engagement-events") String name,
        @DefaultValue("http://127.0.0.1:4567") String endpoint, @DefaultValue("us-east-1") String region,
        String consumerGroup, String schema, @DefaultValue("2s") Duration retryBackoff) {

    public StreamConsumerProperties {
        if (schema != null && !schema.isBlank() && !schema.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("curio.stream.schema must be a plain SQL identifier, not " + schema);
        }
    }

    public StreamLocation location() {
        return new StreamLocation(this.name, this.endpoint, this.region);
    }

    /** The schema-qualified prefix of the checkpoint and lock tables. */
    public String tablePrefix() {
        return hasSchema() ? this.schema + ".CURIO_STREAM_" : "CURIO_STREAM_";
    }

    public boolean hasSchema() {
        return this.schema != null && !this.schema.isBlank();
    }

}
