package io.curio.abtest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.curio.abtest.canary.FakeModelRegistry;
import io.curio.localstack.infra.KinesisEmulator;

/**
 * Real infrastructure for the integration tests, started once per JVM: a private Kinesis emulator with the
 * engagement stream on a free loopback port, and a fresh schema {@code abtest} in the local PostgreSQL database
 * {@code test}.
 */
public final class AbtestInfrastructure {

    public static final String STREAM = "engagement-events";

    private static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private static KinesisEmulator kinesis;

    private AbtestInfrastructure() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        start();
        registry.add("spring.datasource.url", () -> JDBC_URL);
        registry.add("curio.stream.endpoint", () -> kinesis.endpoint().toString());
        registry.add("curio.stream.name", () -> STREAM);
        registry.add("curio.stream.retry-backoff", () -> "200ms");
        registry.add("curio.abtest.canary.inference-url", () -> FakeModelRegistry.instance().url());
        // The canary tests run each check themselves.
        registry.add("curio.abtest.canary.check-interval", () -> "1h");
    }

    public static KinesisEmulator kinesis() {
        start();
        return kinesis;
    }

    /** Starts from an empty schema: checkpoints of an earlier run name sequence numbers of an emulator now gone. */
    private static void dropSchema() {
        try (Connection connection = DriverManager.getConnection(JDBC_URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS abtest CASCADE");
        }
        catch (SQLException ex) {
            throw new IllegalStateException("cannot reset schema abtest in " + JDBC_URL, ex);
        }
    }

    private static synchronized void start() {
        if (kinesis != null) {
            return;
        }
        dropSchema();
        kinesis = KinesisEmulator.start(KinesisEmulator.defaultToolsDir(), null, 0,
                Path.of("target", "kinesalite.log"));
        kinesis.createStream(STREAM, 2);
        Runtime.getRuntime().addShutdownHook(new Thread(kinesis::close));
    }

}
