package io.curio.abtest;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Experiments and their variants, deterministic assignment, exposure and click metrics, results.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AbtestApplication {

    public static void main(String[] args) {
        SpringApplication.run(AbtestApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

}
