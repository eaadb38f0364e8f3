package io.curio.events.hub;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the S3 client every service uses for the data hub: the AWS SDK v2 client, path-style
 * against an S3-compatible endpoint when one is configured, exactly as it would run against AWS.
 */
public final class DataHubClients {

    private DataHubClients() {
    }

    public static S3Client s3(DataHubLocation location) {
        S3ClientBuilder builder = S3Client.builder()
            .region(Region.of(location.region()))
            .credentialsProvider(credentials(location))
            .httpClientBuilder(ApacheHttpClient.builder()
                .maxConnections(16)
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(60)));
        if (location.hasEndpoint()) {
            builder.endpointOverride(location.endpointUri()).forcePathStyle(true);
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(DataHubLocation location) {
        if (location.hasStaticCredentials()) {
            return StaticCredentialsProvider
                .create(AwsBasicCredentials.create(location.accessKey(), location.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

}
