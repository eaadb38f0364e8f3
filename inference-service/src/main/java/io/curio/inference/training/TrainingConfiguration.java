package io.curio.inference.training;

import java.time.Clock;
import java.util.List;

import io.curio.events.EventCodec;
import io.curio.events.hub.DataHubLocation;
import io.curio.inference.InferenceProperties;
import io.curio.inference.evaluation.HeldOutCheck;
import io.curio.inference.model.ModelRegistry;
import io.curio.inference.model.ModelStore;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

@Configuration(proxyBeanMethods = false)
class TrainingConfiguration {

    @Bean
    HubEventReader hubEventReader(S3Client s3, DataHubLocation location, Clock clock,
            InferenceProperties properties) {
        return new HubEventReader(s3, location, new EventCodec(clock), properties.training().threads());
    }

    @Bean
    ModelTraining modelTraining(HubEventReader reader, ModelStore store, ModelRegistry registry,
            InferenceProperties properties, ObjectProvider<CatalogueAttributes> catalogue, Clock clock) {
        InferenceProperties.Training training = properties.training();
        return new ModelTraining(reader, store, registry, new Trainers(properties),
                () -> catalogue.getIfAvailable(() -> List::of).attributes(),
                new HeldOutCheck(training.heldOutReaders(), training.heldOutSeed(), training.threads()), clock);
    }

    @Bean
    TrainingJobs trainingJobs(ModelTraining training, ModelRegistry registry, InferenceProperties properties) {
        return new TrainingJobs(training, registry, properties.training().jobsKept());
    }

    @Bean
    RegistryHealthIndicator registryHealthIndicator(TrainingJobs jobs) {
        return new RegistryHealthIndicator(jobs);
    }

    @Bean
    NewestModelsLoading newestModelsLoading(TrainingJobs jobs) {
        return new NewestModelsLoading(jobs);
    }

    /** Loads the registry's newest models once the application is ready, off the startup thread. */
    static final class NewestModelsLoading {

        private final TrainingJobs jobs;

        NewestModelsLoading(TrainingJobs jobs) {
            this.jobs = jobs;
        }

        @EventListener(ApplicationReadyEvent.class)
        void load() {
            this.jobs.loadNewestModels();
        }

    }

}
