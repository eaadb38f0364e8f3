package io.curio.events.stream.consumer;

import java.time.Clock;

import javax.sql.DataSource;

import io.awspring.cloud.kinesis.stream.binder.KinesisMessageChannelBinder;
import io.curio.events.EventCodec;
import io.curio.events.stream.EventBatchHandler;
import io.curio.events.stream.StreamClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.jdbc.metadata.JdbcMetadataStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;

/**
 * Consumes the engagement stream for a service that opted in: the Kinesis binder (Spring Cloud
 * Stream) reads every shard of {@code curio.stream.name} as consumer group
 * {@code curio.stream.consumer-group}, and each batch goes to the service's {@link EventBatchHandler}.
 * Checkpoints and shard locks live in the service's PostgreSQL schema.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        beforeName = { "org.springframework.cloud.stream.function.FunctionConfiguration",
                "org.springframework.cloud.stream.config.BindingServiceConfiguration" })
@ConditionalOnClass({ KinesisMessageChannelBinder.class, JdbcMetadataStore.class })
@ConditionalOnBean({ EventBatchHandler.class, DataSource.class })
@ConditionalOnProperty("curio.stream.consumer-group")
@EnableConfigurationProperties(StreamConsumerProperties.class)
public class StreamConsumerAutoConfiguration {

    private static final int LOCK_TIME_TO_LIVE_MILLIS = 30_000;

    @Bean
    CheckpointTables curioStreamCheckpointTables(DataSource dataSource, StreamConsumerProperties properties) {
        CheckpointTables tables = new CheckpointTables(new JdbcTemplate(dataSource), properties);
        tables.create();
        return tables;
    }

    @Bean
    JdbcMetadataStore curioStreamCheckpointStore(DataSource dataSource, StreamConsumerProperties properties,
            CheckpointTables tables) {
        JdbcMetadataStore store = new JdbcMetadataStore(dataSource);
        store.setTablePrefix(properties.tablePrefix());
        store.setRegion(properties.consumerGroup());
        return store;
    }

    @Bean
    DefaultLockRepository curioStreamLockRepository(DataSource dataSource, StreamConsumerProperties properties,
            CheckpointTables tables, ObjectProvider<PlatformTransactionManager> transactions) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setTransactionManager(transactions.getIfUnique(() -> new DataSourceTransactionManager(dataSource)));
        repository.setPrefix(properties.tablePrefix());
        repository.setRegion(properties.consumerGroup());
        repository.setTimeToLive(LOCK_TIME_TO_LIVE_MILLIS);
        return repository;
    }

    @Bean
    JdbcLockRegistry curioStreamLockRegistry(DefaultLockRepository curioStreamLockRepository) {
        return new JdbcLockRegistry(curioStreamLockRepository);
    }

    @Bean
    KinesisAsyncClient curioStreamKinesisClient(StreamConsumerProperties properties) {
        return StreamClients.kinesisAsync(properties.location());
    }

    @Bean(StreamConsumerEnvironment.FUNCTION)
    EventBatchDispatcher curioEngagementEvents(EventBatchHandler handler, ObjectProvider<Clock> clock,
            ObjectProvider<MeterRegistry> meters, StreamConsumerProperties properties) {
        Clock clockToUse = clock.getIfAvailable(Clock::systemUTC);
        return new EventBatchDispatcher(handler, new EventCodec(clockToUse), clockToUse, properties.retryBackoff(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

}
