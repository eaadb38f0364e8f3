package io.curio.ingestion;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import io.curio.events.DataHubKeys;
import io.curio.localstack.infra.KinesisEmulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

class EventArchivingIT extends IngestionContext {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    private S3Client s3;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void archivesCollectedEventsInTheHubExactlyAsPutOnTheStream() throws Exception {
        // given
        String eventId = UUID.randomUUID().toString();
        String event = """
                {"eventId":"%s","type":"click","userId":"42","bookId":"258","occurredAt":"%s","platform":"ios"}"""
            .formatted(eventId, Instant.now().minusSeconds(5));

        // when
        HttpResponse<String> response = post("/v1/events", "[" + event + "]", "42");

        // then
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"accepted\":1,\"rejected\":[]}");
        String line = awaitLine(DataHubKeys.RAW_EVENTS, (candidate) -> candidate.contains(eventId));
        assertThat(line).startsWith("{\"eventId\":\"" + eventId + "\",\"type\":\"click\",\"userId\":\"42\"");
    }

    @Test
    void archivesBadRecordsWithTheirReasonKeepsConsumingAndCheckpointsAfterwards() throws Exception {
        // given
        String marker = UUID.randomUUID().toString();
        String good = """
                {"eventId":"%s","type":"open","userId":"7","bookId":"1","occurredAt":"2026-01-01T00:00:00Z"}"""
            .formatted(marker);
        String bad = "{\"eventId\":\"" + marker + "\",\"type\":\"teleport\"";

        // when
        PutRecordResponse last;
        try (KinesisClient kinesis = KinesisEmulator.client(IngestionInfrastructure.kinesis().endpoint())) {
            put(kinesis, bad);
            last = put(kinesis, good);
        }

        // then
        String rejected = awaitLine(DataHubKeys.REJECTED_EVENTS, (candidate) -> candidate.contains(marker));
        assertThat(rejected).contains("\"reason\":\"invalid JSON").contains("\"sequenceNumber\":\"");
        String accepted = awaitLine(DataHubKeys.RAW_EVENTS, (candidate) -> candidate.contains(marker));
        assertThat(accepted).isEqualTo(good);
        awaitCheckpoint(last.shardId(), last.sequenceNumber());
    }

    private static PutRecordResponse put(KinesisClient kinesis, String data) {
        return kinesis.putRecord((request) -> request.streamName(IngestionInfrastructure.STREAM)
            .partitionKey("7")
            .data(SdkBytes.fromUtf8String(data)));
    }

    private void awaitCheckpoint(String shardId, String sequenceNumber) throws InterruptedException {
        String key = "ingestion-service:" + IngestionInfrastructure.STREAM + ":" + shardId;
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            List<String> checkpoints = this.jdbc.sql("SELECT metadata_value FROM ingestion.curio_stream_metadata_store "
                    + "WHERE metadata_key = ? AND region = 'ingestion-service'")
                .param(key)
                .query(String.class)
                .list();
            if (checkpoints.contains(sequenceNumber)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("shard " + shardId + " not checkpointed at " + sequenceNumber + " within " + PATIENCE);
    }

    private String awaitLine(String prefix, Predicate<String> wanted) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            for (String line : HubLines.under(this.s3, prefix)) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no line as wanted under " + prefix + " within " + PATIENCE);
    }

}
