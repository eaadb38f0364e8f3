package io.curio.feature.interactions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.curio.events.stream.EventBatch;
import io.curio.feature.Events;
import io.curio.localstack.infra.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The idempotent stream apply against a PostgreSQL container instead of the server on loopback, for
 * machines that have a Docker engine. Without one, JUnit skips this class and reports it as disabled
 * because Docker is not available; the same behaviour is proven against the loopback server by
 * {@link StreamedEventsHandlerIT}.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = { "curio.stream.consumer-group=false", "curio.features.snapshot-poll-interval=1h" })
class PostgresContainerIT {

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:15-alpine");

    private static final S3Server S3 = S3Server.start(null, 0);

    @Autowired
    private StreamedEventsHandler handler;

    @Autowired
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        S3.createBucket("curio");
        registry.add("spring.datasource.url", POSTGRES::getJdbcUrl);
        registry.add("spring.datasource.username", POSTGRES::getUsername);
        registry.add("spring.datasource.password", POSTGRES::getPassword);
        registry.add("curio.hub.endpoint", () -> S3.endpoint().toString());
    }

    @AfterAll
    static void stopS3() {
        S3.close();
    }

    @Test
    void appliesABatchOnceWhenItIsDeliveredTwice() {
        // given
        EventBatch batch = batch(List.of(Events.json(Events.rate("c-1", "42", "258", 5, "2026-12-04T10:00:00Z")),
                Events.json(Events.open("c-2", "42", "7", "2026-12-04T10:01:00Z"))));

        // when
        this.handler.handle(batch);
        this.handler.handle(batch);

        // then
        assertThat(this.jdbc.sql("select event_id from interactions order by event_id").query(String.class).list())
            .containsExactly("c-1", "c-2");
    }

    private static EventBatch batch(List<String> records) {
        List<EventBatch.Record> decoded = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            byte[] data = records.get(i).getBytes(StandardCharsets.UTF_8);
            decoded.add(new EventBatch.Record(String.valueOf(i), data, Events.CODEC.decode(data)));
        }
        return new EventBatch("shardId-000000000000", "0", Instant.parse("2026-12-04T10:05:00Z"), decoded);
    }

}
