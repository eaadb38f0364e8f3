package io.curio.inference.hub;

import io.curio.events.hub.DataHubClients;
import io.curio.events.hub.DataHubLocation;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HubConfiguration {

    @Bean
    DataHubLocation dataHubLocation(HubProperties properties) {
        return properties.location();
    }

    @Bean(destroyMethod = "close")
    S3Client dataHubClient(DataHubLocation location) {
        return DataHubClients.s3(location);
    }

}
