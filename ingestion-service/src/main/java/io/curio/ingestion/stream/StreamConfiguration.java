package io.curio.ingestion.stream;

import io.curio.events.EventCodec;
import io.curio.events.stream.EngagementStreamPublisher;
import io.curio.events.stream.StreamClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.kinesis.KinesisClient;

@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

    @Bean(destroyMethod = "close")
    KinesisClient kinesisClient(StreamSettings settings) {
        return StreamClients.kinesis(settings.location());
    }

    @Bean
    EngagementStreamPublisher engagementStreamPublisher(KinesisClient kinesisClient, StreamSettings settings,
            EventCodec codec) {
        return new EngagementStreamPublisher(kinesisClient, settings.name(), codec);
    }

}
