package io.curio.localstack.infra;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.curio.events.hub.DataHubClients;
import io.curio.events.hub.DataHubLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

class LocalInfrastructureIT {

    @TempDir
    Path temp;

    @Test
    void s3ServerStoresObjectsOnDiskAcrossRestarts() {
        Path data = this.temp.resolve("s3");
        try (S3Server server = S3Server.start(data, 0)) {
            server.createBucket("curio");
            try (S3Client s3 = DataHubClients.s3(location(server))) {
                s3.putObject((request) -> request.bucket("curio").key("raw/a.json"), RequestBody.fromString("{}"));
            }
        }
        try (S3Server server = S3Server.start(data, 0); S3Client s3 = DataHubClients.s3(location(server))) {
            String body = s3.getObjectAsBytes((request) -> request.bucket("curio").key("raw/a.json")).asUtf8String();
            assertThat(body).isEqualTo("{}");
        }
    }

    @Test
    void kinesisEmulatorCarriesRecordsThroughAStream() {
        Path tools = KinesisEmulator.defaultToolsDir();
        try (KinesisEmulator emulator = KinesisEmulator.start(tools, null, 0, this.temp.resolve("kinesis.log"));
                KinesisClient kinesis = KinesisEmulator.client(emulator.endpoint())) {
            emulator.createStream("engagement-events", 1);
            kinesis.putRecord((request) -> request.streamName("engagement-events")
                .partitionKey("42")
                .data(SdkBytes.fromUtf8String("hello")));
            String shard = kinesis.listShards((request) -> request.streamName("engagement-events")).shards()
                .get(0).shardId();
            String iterator = kinesis.getShardIterator((request) -> request.streamName("engagement-events")
                .shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            var records = kinesis.getRecords((request) -> request.shardIterator(iterator)).records();
            assertThat(records).hasSize(1);
            assertThat(records.get(0).data().asString(StandardCharsets.UTF_8)).isEqualTo("hello");
        }
    }

    private static DataHubLocation location(S3Server server) {
        return new DataHubLocation(server.endpoint().toString(), "curio", "us-east-1", S3Server.ACCESS_KEY,
                S3Server.SECRET_KEY);
    }

}
