package io.curio.inference.model;

import io.curio.events.hub.DataHubLocation;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ModelConfiguration {

    @Bean
    ModelStore modelStore(S3Client s3, DataHubLocation location, JsonMapper json) {
        return new ModelStore(s3, location, json);
    }

    @Bean
    ModelRegistry modelRegistry(ModelStore store, MeterRegistry meters) {
        return new ModelRegistry(store, meters);
    }

}
