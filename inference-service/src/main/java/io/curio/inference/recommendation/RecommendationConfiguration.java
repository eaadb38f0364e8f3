package io.curio.inference.recommendation;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import io.curio.events.EventCodec;
import io.curio.events.stream.EngagementStreamPublisher;
import io.curio.events.stream.PublishRetry;
import io.curio.events.stream.StreamClients;
import io.curio.inference.InferenceProperties;
import io.curio.inference.ServicesProperties;
import io.curio.inference.model.ModelRegistry;
import io.curio.inference.model.ModelSpec;
import io.curio.inference.placement.Canaries;
import io.curio.inference.placement.ServingRulesCopy;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.services.kinesis.KinesisClient;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class RecommendationConfiguration {

    private static final int IMPRESSION_QUEUE = 1000;

    private static final PublishRetry IMPRESSION_RETRY = new PublishRetry(2, Duration.ofMillis(100),
            Duration.ofMillis(100));

    @Bean
    ProfileClient profileClient(RestClient.Builder builder, ServicesProperties services,
            InferenceProperties properties) {
        return new ProfileClient(client(builder, services.featureUrl(), properties.profileTimeout()));
    }

    @Bean
    ActiveCatalogue activeCatalogue(RestClient.Builder builder, ServicesProperties services,
            InferenceProperties properties) {
        return new ActiveCatalogue(client(builder, services.featureUrl(), properties.catalogueTimeout()));
    }

    @Bean
    CatalogueRefresh catalogueRefresh(ActiveCatalogue catalogue, TaskScheduler scheduler,
            InferenceProperties properties) {
        return new CatalogueRefresh(catalogue, scheduler, properties.catalogueRefresh());
    }

    @Bean(destroyMethod = "close")
    KinesisClient impressionStream(StreamProperties stream) {
        return StreamClients.kinesis(stream.location());
    }

    @Bean
    ImpressionLog impressionLog(KinesisClient kinesis, StreamProperties stream, ImpressionProperties impressions,
            Clock clock, MeterRegistry meters) {
        EngagementStreamPublisher publisher = new EngagementStreamPublisher(kinesis, stream.name(),
                new EventCodec(clock), IMPRESSION_RETRY);
        return new ImpressionLog(publisher::publish, impressions.signature(), clock, meters, IMPRESSION_QUEUE);
    }

    @Bean
    Recommending recommending(ServingRulesCopy servingRules, Canaries canaries, ProfileClient profiles,
            ActiveCatalogue catalogue, ModelRegistry registry, ImpressionLog impressions,
            InferenceProperties properties, VariantFallbacks fallbacks, ListRules rules) {
        ModelSpec defaultModel = ModelSpec.parse(properties.defaultModel())
            .orElseThrow(() -> new IllegalArgumentException(
                    "curio.inference.default-model names no built-in model: " + properties.defaultModel()));
        return new Recommending(servingRules, canaries, profiles, catalogue, registry, impressions, defaultModel,
                fallbacks, rules);
    }

    @Bean
    ListRules listRules(ListRuleSettings settings, MeterRegistry meters) {
        return new ListRules(settings, meters);
    }

    @Bean
    VariantFallbacks variantFallbacks(MeterRegistry meters) {
        return new VariantFallbacks(meters);
    }

    @Bean
    RecommendationMetrics recommendationMetrics(MeterRegistry meters) {
        return new RecommendationMetrics(meters);
    }

    private static RestClient client(RestClient.Builder builder, URI baseUrl, Duration timeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        return builder.clone().baseUrl(baseUrl.toString()).requestFactory(requests).build();
    }

    /** Revalidates the active catalogue on a fixed delay, starting once the application is ready. */
    static final class CatalogueRefresh {

        private final ActiveCatalogue catalogue;

        private final TaskScheduler scheduler;

        private static final Duration UNTIL_LOADED = Duration.ofSeconds(2);

        private final Duration every;

        CatalogueRefresh(ActiveCatalogue catalogue, TaskScheduler scheduler, Duration every) {
            this.catalogue = catalogue;
            this.scheduler = scheduler;
            this.every = every;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            this.scheduler.scheduleWithFixedDelay(this.catalogue::refresh, this.every);
            this.scheduler.scheduleWithFixedDelay(this::refreshUntilLoaded, UNTIL_LOADED);
        }

        /**
         * Until a first catalogue arrives every list is degraded, so it is asked for every few seconds
         * rather than once a refresh interval: feature-service loads its first snapshot after start-up.
         */
        private void refreshUntilLoaded() {
            if (!this.catalogue.isLoaded()) {
                this.catalogue.refresh();
            }
        }

    }

}
