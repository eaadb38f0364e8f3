package io.curio.inference.placement;

import java.time.Clock;
import java.time.Duration;

import io.curio.inference.InferenceProperties;
import io.curio.inference.ServicesProperties;
import io.curio.inference.model.ModelRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class PlacementConfiguration {

    @Bean
    Canaries canaries(ModelRegistry registry, MeterRegistry meters) {
        return new Canaries(registry, meters);
    }

    @Bean
    ServingRulesCopy servingRulesCopy(RestClient.Builder builder, ServicesProperties services,
            InferenceProperties properties, Clock clock, MeterRegistry meters, Canaries canaries) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.servingRules().timeout());
        requests.setReadTimeout(properties.servingRules().timeout());
        RestClient abtest = builder.clone().baseUrl(services.abtestUrl().toString()).requestFactory(requests).build();
        return new ServingRulesCopy(abtest, clock, meters, canaries::warm);
    }

    @Bean
    ServingRulesHealthIndicator servingRulesHealthIndicator(ServingRulesCopy rules) {
        return new ServingRulesHealthIndicator(rules);
    }

    /** Revalidates the serving rules on a fixed delay, starting once the application is ready. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> servingRulesRefresh(ServingRulesCopy rules, TaskScheduler scheduler,
            InferenceProperties properties) {
        Duration every = properties.servingRules().refreshInterval();
        return (ready) -> scheduler.scheduleWithFixedDelay(rules::refresh, every);
    }

}
