package io.curio.ingestion;

import java.time.Clock;

import io.curio.events.EventCodec;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Collects engagement events onto the stream, archives the stream into the data hub, and polls the
 * attribute endpoints into snapshots.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IngestionApplication {

    public static void main(String[] args) {
        SpringApplication.run(IngestionApplication.class, args);
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
