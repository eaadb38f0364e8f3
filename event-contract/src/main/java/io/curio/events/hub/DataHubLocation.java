package io.curio.events.hub;

import java.net.URI;

/**
 * Where the S3 data hub is and how to reach it. Bound from {@code curio.hub.*} by each service.
 *
 * @param endpoint S3 endpoint override (an S3-compatible server); empty for AWS's own endpoint
 * @param bucket the data hub bucket
 * @param region the S3 region
 * @param accessKey static access key; empty for the AWS default credentials chain
 * @param secretKey static secret key; empty for the AWS default credentials chain
 */
public record DataHubLocation(String endpoint, String bucket, String region, String accessKey, String secretKey) {

    public DataHubLocation {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("curio.hub.bucket must name a bucket");
        }
        region = (region == null || region.isBlank()) ? "us-east-1" : region;
    }

    public boolean hasEndpoint() {
        return this.endpoint != null && !this.endpoint.isBlank();
    }

    public URI endpointUri() {
        return URI.create(this.endpoint);
    }

    public boolean hasStaticCredentials() {
        return this.accessKey != null && !this.accessKey.isBlank();
    }

}
