package io.curio.feature.hub;

import io.curio.events.hub.DataHubClients;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HubConfiguration {

    @Bean
    S3Client dataHubClient(HubProperties hub) {
        return DataHubClients.s3(hub.location());
    }

}
