package io.curio.ingestion.datahub;

import io.curio.events.hub.DataHubLocation;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The S3 data hub.
 *
 * @param endpoint S3 endpoint override; empty for AWS's own endpoint
 * @param bucket the data hub bucket
 * @param region the S3 region
 * @param accessKey static access key; empty for the AWS default credentials chain
 * @param secretKey static secret key; empty for the AWS default credentials chain
 */
@Validated
@ConfigurationProperties("curio.hub")
public record DataHubSettings(@DefaultValue("http://127.0.0.1:9000") String endpoint,
        @NotBlank @DefaultValue("curio") String bucket, @DefaultValue("us-east-1") String region,
        @DefaultValue("curio") String accessKey, @DefaultValue("curio-local-secret") String secretKey) {

    public DataHubLocation location() {
        return new DataHubLocation(this.endpoint, this.bucket, this.region, this.accessKey, this.secretKey);
    }

}
