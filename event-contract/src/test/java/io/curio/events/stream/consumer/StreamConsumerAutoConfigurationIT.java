package io.curio.events.stream.consumer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import io.curio.events.stream.EventBatchHandler;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.integration.jdbc.metadata.JdbcMetadataStore;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class StreamConsumerAutoConfigurationIT {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(StreamConsumerAutoConfiguration.class));

    @Test
    void wiresTheDispatcherAndCreatesCheckpointTablesInTheServiceSchema() throws SQLException {
        // given
        String schema = "stream_consumer_tests";
        dropSchema(schema);

        // when / then
        this.runner
            .withPropertyValues("curio.stream.consumer-group=feature-service", "curio.stream.schema=" + schema)
            .withBean(EventBatchHandler.class, () -> (batch) -> {
            })
            .withBean(DataSource.class, StreamConsumerAutoConfigurationIT::postgres)
            .run((context) -> {
                assertThat(context).hasSingleBean(EventBatchDispatcher.class).hasSingleBean(JdbcMetadataStore.class);
                JdbcMetadataStore store = context.getBean(JdbcMetadataStore.class);
                store.put("feature-service:engagement-events:shardId-000000000000", "42");
                assertThat(store.get("feature-service:engagement-events:shardId-000000000000")).isEqualTo("42");
            });
        dropSchema(schema);
    }

    private static DataSource postgres() {
        return new SimpleDriverDataSource(new Driver(), URL, "postgres", "");
    }

    private static void dropSchema(String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

}
