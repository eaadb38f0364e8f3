package io.curio.feature.interactions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.curio.events.stream.EngagementStreamPublisher;
import io.curio.events.stream.StreamClients;
import io.curio.events.stream.StreamLocation;
import io.curio.feature.AbstractFeatureServiceIT;
import io.curio.feature.Events;
import io.curio.localstack.infra.KinesisEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service opted in to the engagement stream: events put on a real (emulated) Kinesis stream
 * end up as interactions, once each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "curio.stream.consumer-group=feature-service")
class StreamConsumerIT extends AbstractFeatureServiceIT {

    private static final String STREAM = "engagement-events";

    private static KinesisEmulator kinesis;

    @DynamicPropertySource
    static void stream(DynamicPropertyRegistry registry) {
        startKinesis();
        registry.add("curio.stream.endpoint", () -> kinesis.endpoint().toString());
        registry.add("curio.stream.name", () -> STREAM);
        registry.add("curio.stream.retry-backoff", () -> "200ms");
    }

    @Test
    void storesEventsPutOnTheStreamOnceEach() {
        // given
        EngagementStreamPublisher publisher = new EngagementStreamPublisher(
                StreamClients.kinesis(new StreamLocation(STREAM, kinesis.endpoint().toString(), "us-east-1")),
                STREAM, Events.CODEC);

        // when
        publisher.publish(List.of(Events.rate("s-1", "42", "258", 5, "2026-12-04T10:00:00Z"),
                Events.open("s-2", "43", "7", "2026-12-04T10:01:00Z"),
                Events.upgrade("s-3", "42", "2026-12-04T10:02:00Z")));
        publisher.publish(Events.rate("s-1", "42", "258", 5, "2026-12-04T10:00:00Z"));
        publisher.publish(Events.open("s-4", "44", "9", "2026-12-04T10:03:00Z"));

        // then
        awaitInteraction("s-4");
        assertThat(this.jdbc.sql("select event_id from interactions order by event_id").query(String.class).list())
            .containsExactly("s-1", "s-2", "s-4");
    }

    private void awaitInteraction(String eventId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && !stored(eventId)) {
            pause();
        }
    }

    private boolean stored(String eventId) {
        return this.jdbc.sql("select count(*) from interactions where event_id = ?")
            .param(eventId)
            .query(Integer.class)
            .single() > 0;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** A fresh emulator per run: checkpoints left by an earlier run name sequence numbers it never had. */
    private static synchronized void startKinesis() {
        if (kinesis != null) {
            return;
        }
        kinesis = KinesisEmulator.start(KinesisEmulator.defaultToolsDir(), null, 0,
                Path.of("target", "kinesalite.log"));
        kinesis.createStream(STREAM, 1);
        Runtime.getRuntime().addShutdownHook(new Thread(kinesis::close));
        forgetCheckpoints();
    }

    private static void forgetCheckpoints() {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test",
                "postgres", "");
                var statement = connection.createStatement()) {
            statement.execute("""
                    do $$ begin
                      if to_regclass('feature.curio_stream_metadata_store') is not null then
                        delete from feature.curio_stream_metadata_store;
                      end if;
                    end $$""");
        }
        catch (java.sql.SQLException ex) {
            throw new IllegalStateException("cannot forget stream checkpoints", ex);
        }
    }

}
