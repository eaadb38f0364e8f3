package io.curio.events.stream;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;

/**
 * Builds the Kinesis client the services use: the synchronous AWS SDK v2 client over HTTP/1.1 (the
 * Apache client), because the emulators used locally do not speak HTTP/2. Against an emulator
 * endpoint it signs with static test credentials.
 */
public final class StreamClients {

    private StreamClients() {
    }

    public static KinesisClient kinesis(StreamLocation location) {
        KinesisClientBuilder builder = KinesisClient.builder()
            .region(Region.of(location.region()))
            .credentialsProvider(credentials(location))
            .httpClientBuilder(ApacheHttpClient.builder()
                .maxConnections(8)
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(20)));
        if (location.hasEndpoint()) {
            builder.endpointOverride(location.endpointUri());
        }
        return builder.build();
    }

    static AwsCredentialsProvider credentials(StreamLocation location) {
        if (location.hasEndpoint()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials
                .create(StreamLocation.EMULATOR_ACCESS_KEY, StreamLocation.EMULATOR_SECRET_KEY));
        }
        return DefaultCredentialsProvider.builder().build();
    }

}
