package io.curio.inference.model;

import java.time.Clock;

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
    ModelRegistry modelRegistry(ModelStore store, PromotionProperties promotion, MeterRegistry meters, Clock clock) {
        return new ModelRegistry(store, new PromotionGate(promotion), meters, clock);
    }

    @Bean
    RegistryInventory registryInventory(ModelStore store, ModelRegistry registry) {
        return new RegistryInventory(store, registry);
    }

}
