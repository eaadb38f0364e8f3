package io.curio.inference.hub;

import jakarta.validation.constraints.NotBlank;

import io.curio.events.hub.DataHubLocation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the S3 data hub is, under {@code curio.hub}.
 *
 * @param endpoint S3 endpoint (empty: AWS default)
 * @param bucket data hub bucket
 * @param region S3 region
 * @param accessKey static access key (empty: AWS default chain)
 * @param secretKey static secret key (empty: AWS default chain)
 */
@Validated
@ConfigurationProperties("curio.hub")
public record HubProperties(@DefaultValue("http://127.0.0.1:9000") String endpoint,
        @DefaultValue("curio") @NotBlank String bucket, @DefaultValue("us-east-1") String region,
        @DefaultValue("curio") String accessKey, @DefaultValue("curio-local-secret") String secretKey) {

    public DataHubLocation location() {
        return new DataHubLocation(this.endpoint, this.bucket, this.region, this.accessKey, this.secretKey);
    }

}
