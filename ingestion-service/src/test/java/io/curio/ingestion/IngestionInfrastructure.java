package io.curio.ingestion;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import io.curio.events.hub.DataHubClients;
import io.curio.events.hub.DataHubLocation;
import io.curio.localstack.infra.KinesisEmulator;
import io.curio.localstack.infra.S3Server;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import software.amazon.awssdk.services.s3.S3Client;

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
        properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    /** The service's configuration for this infrastructure with some keys overridden, as command-line arguments. */
    static String[] arguments(Map<String, String> overrides) {
        Map<String, String> properties = properties();
        properties.putAll(overrides);
        return properties.entrySet().stream().map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
            .toArray(String[]::new);
    }

    private static Map<String, String> properties() {
        start();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", JDBC_URL);
        properties.put("curio.hub.endpoint", s3.endpoint().toString());
        properties.put("curio.hub.access-key", S3Server.ACCESS_KEY);
        properties.put("curio.hub.secret-key", S3Server.SECRET_KEY);
        properties.put("curio.stream.endpoint", kinesis.endpoint().toString());
        properties.put("curio.stream.name", STREAM);
        properties.put("curio.ingestion.archive.max-age", "1s");
        properties.put("curio.ingestion.archive.check-interval", "200ms");
        properties.put("curio.attributes.books-url", attributes.url("/books").toString());
        properties.put("curio.attributes.users-url", attributes.url("/users").toString());
        properties.put("curio.attributes.poll-interval", "1h");
        properties.put("curio.attributes.retry-backoff", "50ms");
        properties.put("curio.attributes.attempts", "2");
        return properties;
    }

    /** A client of the data hub that outlives any service instance. */
    static S3Client hub() {
        return DataHubClients.s3(new DataHubLocation(s3.endpoint().toString(), BUCKET, "us-east-1",
                S3Server.ACCESS_KEY, S3Server.SECRET_KEY));
    }

    /** A connection to the database that outlives any service instance. */
    static JdbcClient database() {
        return JdbcClient.create(new DriverManagerDataSource(JDBC_URL, "postgres", ""));
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
