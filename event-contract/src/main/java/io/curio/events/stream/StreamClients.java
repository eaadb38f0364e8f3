package io.curio.events.stream;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClientBuilder;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;

/**
 * Builds the Kinesis clients the services use: the synchronous AWS SDK v2 client over HTTP/1.1 (the
 * Apache client) for publishing, because the emulators used locally do not speak HTTP/2. Against an emulator
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

    /**
     * The asynchronous client, as the Kinesis binder needs it, also pinned to HTTP/1.1 and with a
     * generous connection-acquisition timeout so that a busy moment never drops a request.
     */
    public static KinesisAsyncClient kinesisAsync(StreamLocation location) {
        KinesisAsyncClientBuilder builder = KinesisAsyncClient.builder()
            .region(Region.of(location.region()))
            .credentialsProvider(credentials(location))
            .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                .protocol(Protocol.HTTP1_1)
                .maxConcurrency(16)
                .connectionAcquisitionTimeout(Duration.ofSeconds(30)));
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
