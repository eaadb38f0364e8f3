package io.curio.inference;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Owns the model registry, trains the built-in algorithms and turns a reader into a ranked list.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class InferenceApplication {

    public static void main(String[] args) {
        SpringApplication.run(InferenceApplication.class, args);
    }

}
