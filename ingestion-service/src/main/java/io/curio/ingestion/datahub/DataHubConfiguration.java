package io.curio.ingestion.datahub;

import io.curio.events.hub.DataHubClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3Client;

@Configuration(proxyBeanMethods = false)
class DataHubConfiguration {

    @Bean(destroyMethod = "close")
    S3Client dataHubS3Client(DataHubSettings settings) {
        return DataHubClients.s3(settings.location());
    }

}
