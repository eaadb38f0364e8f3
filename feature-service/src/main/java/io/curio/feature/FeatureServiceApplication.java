package io.curio.feature;

import java.time.Clock;

import io.curio.events.EventCodec;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Online features of Curio: interactions, book and user attributes, and the active catalogue.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FeatureServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FeatureServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec(Clock clock) {
        return new EventCodec(clock);
    }

}
