package io.curio.events.stream.consumer;

import javax.sql.DataSource;

import io.curio.events.stream.EventBatchHandler;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class StreamConsumerAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(StreamConsumerAutoConfiguration.class));

    @Test
    void staysAwayFromAServiceWithoutHandler() {
        this.runner.withPropertyValues("curio.stream.consumer-group=feature-service")
            .withBean(DataSource.class, StreamConsumerAutoConfigurationTests::unusedDataSource)
            .run((context) -> assertThat(context).doesNotHaveBean(EventBatchDispatcher.class));
    }

    @Test
    void staysAwayFromAServiceWithoutConsumerGroup() {
        this.runner.withBean(EventBatchHandler.class, () -> (batch) -> {
        })
            .withBean(DataSource.class, StreamConsumerAutoConfigurationTests::unusedDataSource)
            .run((context) -> assertThat(context).doesNotHaveBean(EventBatchDispatcher.class));
    }

    private static DataSource unusedDataSource() {
        return new SimpleDriverDataSource();
    }

}
