package io.curio.ingestion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.curio.events.DataHubKeys;
import io.curio.localstack.infra.KinesisEmulator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping ingestion-service (what SIGTERM does) writes what it buffered and checkpoints it, instead of leaving it
 * to be read again. Runs its own instance on a stream of its own, beside the shared test context.
 */
class GracefulStopIT {

    private static final String STREAM = "graceful-stop";

    private static final String GROUP = "ingestion-graceful-stop";

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void writesAndCheckpointsTheBufferWhenStopped() throws Exception {
        // given
        IngestionInfrastructure.start();
        IngestionInfrastructure.kinesis().createStream(STREAM, 1);
        String marker = UUID.randomUUID().toString();
        ConfigurableApplicationContext service = startWithAnHourLongBuffer();
        List<PutRecordResponse> put = new ArrayList<>();
        try (KinesisClient kinesis = KinesisEmulator.client(IngestionInfrastructure.kinesis().endpoint())) {
            for (int i = 0; i < 3; i++) {
                put.add(put(kinesis, event(marker + "-" + i)));
            }
        }
        awaitBuffered(service.getBean(MeterRegistry.class));
        S3Client s3 = IngestionInfrastructure.hub();
        JdbcClient jdbc = IngestionInfrastructure.database();
        assertThat(linesWith(s3, marker)).isEmpty();

        // when
        service.close();

        // then
        assertThat(linesWith(s3, marker)).hasSize(3);
        PutRecordResponse last = put.get(put.size() - 1);
        assertThat(checkpoint(jdbc, last.shardId())).isEqualTo(last.sequenceNumber());
    }

    private static ConfigurableApplicationContext startWithAnHourLongBuffer() {
        String[] arguments = IngestionInfrastructure.arguments(Map.of("server.port", "0", "curio.stream.name", STREAM,
                "curio.stream.consumer-group", GROUP, "curio.ingestion.archive.max-age", "1h"));
        return new SpringApplicationBuilder(IngestionApplication.class).run(arguments);
    }

    private static String event(String eventId) {
        return """
                {"eventId":"%s","type":"open","userId":"7","bookId":"1","occurredAt":"2026-01-01T00:00:00Z"}"""
            .formatted(eventId);
    }

    private static PutRecordResponse put(KinesisClient kinesis, String data) {
        return kinesis.putRecord((request) -> request.streamName(STREAM)
            .partitionKey("7")
            .data(SdkBytes.fromUtf8String(data)));
    }

    private static void awaitBuffered(MeterRegistry meters) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Counter consumed = meters.find("curio.stream.records.consumed").counter();
            if (consumed != null && consumed.count() >= 3) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the records were not consumed within " + PATIENCE);
    }

    private static List<String> linesWith(S3Client s3, String marker) {
        return HubLines.under(s3, DataHubKeys.RAW_EVENTS).stream().filter((line) -> line.contains(marker)).toList();
    }

    private static String checkpoint(JdbcClient jdbc, String shardId) {
        return jdbc.sql("SELECT metadata_value FROM ingestion.curio_stream_metadata_store "
                + "WHERE metadata_key = ? AND region = ?")
            .params(GROUP + ":" + STREAM + ":" + shardId, GROUP)
            .query(String.class)
            .optional()
            .orElse(null);
    }

}
