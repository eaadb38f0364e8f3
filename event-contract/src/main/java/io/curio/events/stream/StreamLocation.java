package io.curio.events.stream;

import java.net.URI;

/**
 * Where the engagement stream is and how to reach it. Bound from {@code curio.stream.*} by each service.
 *
 * @param name the Kinesis stream name
 * @param endpoint Kinesis endpoint override (an emulator); empty for AWS's own endpoint
 * @param region the Kinesis region
 */
public record StreamLocation(String name, String endpoint, String region) {

    /** Credentials an emulator accepts; used only when an endpoint override is set. */
    static final String EMULATOR_ACCESS_KEY = "curio";

    static final String EMULATOR_SECRET_KEY = "curio-local-secret";

    public StreamLocation {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("curio.stream.name must name a stream");
        }
        region = (region == null || region.isBlank()) ? "us-east-1" : region;
    }

    public boolean hasEndpoint() {
        return this.endpoint != null && !this.endpoint.isBlank();
    }

    public URI endpointUri() {
        return URI.create(this.endpoint);
    }

}
