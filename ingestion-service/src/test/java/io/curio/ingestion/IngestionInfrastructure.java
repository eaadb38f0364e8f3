package io.curio.ingestion;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.curio.localstack.infra.KinesisEmulator;
import io.curio.localstack.infra.S3Server;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real infrastructure for the integration tests, started once per JVM: an S3-compatible server, a
 * Kinesis emulator with the engagement stream, attribute endpoints, and a clean {@code ingestion} schema in the local
 * PostgreSQL database {@code test}.
 */
final class IngestionInfrastructure {

    static final String STREAM = "engagement-events";

    static final String BUCKET = "curio";

    static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private static S3Server s3;

    private static KinesisEmulator kinesis;

    private static AttributeEndpoints attributes;

    private IngestionInfrastructure() {
    }

    static synchronized void start() {
        if (s3 != null) {
            return;
        }
        dropSchema();
        s3 = S3Server.start(null, 0);
        s3.createBucket(BUCKET);
        kinesis = KinesisEmulator.start(KinesisEmulator.defaultToolsDir(), null, 0,
                Path.of("target", "kinesalite.log"));
        kinesis.createStream(STREAM, 2);
        attributes = AttributeEndpoints.start();
        Runtime.getRuntime().addShutdownHook(new Thread(IngestionInfrastructure::stop));
    }

    static void register(DynamicPropertyRegistry registry) {
        start();
        registry.add("spring.datasource.url", () -> JDBC_URL);
        registry.add("curio.hub.endpoint", () -> s3.endpoint().toString());
        registry.add("curio.hub.access-key", () -> S3Server.ACCESS_KEY);
        registry.add("curio.hub.secret-key", () -> S3Server.SECRET_KEY);
        registry.add("curio.stream.endpoint", () -> kinesis.endpoint().toString());
        registry.add("curio.stream.name", () -> STREAM);
        registry.add("curio.ingestion.archive.max-age", () -> "1s");
        registry.add("curio.ingestion.archive.check-interval", () -> "200ms");
        registry.add("curio.attributes.books-url", () -> attributes.url("/books").toString());
        registry.add("curio.attributes.users-url", () -> attributes.url("/users").toString());
        registry.add("curio.attributes.poll-interval", () -> "1h");
        registry.add("curio.attributes.retry-backoff", () -> "50ms");
        registry.add("curio.attributes.attempts", () -> "2");
    }

    static KinesisEmulator kinesis() {
        return kinesis;
    }

    private static void dropSchema() {
        try (Connection connection = DriverManager.getConnection(JDBC_URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS ingestion CASCADE");
        }
        catch (SQLException ex) {
            throw new IllegalStateException("cannot reset schema ingestion in " + JDBC_URL, ex);
        }
    }

    private static void stop() {
        attributes.stop();
        kinesis.close();
        s3.close();
    }

}
