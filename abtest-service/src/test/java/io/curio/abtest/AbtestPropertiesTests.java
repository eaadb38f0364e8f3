package io.curio.abtest;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class AbtestPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
        .withUserConfiguration(PropertiesConfiguration.class)
        .withPropertyValues("curio.abtest.refresh-interval=5s");

    @Test
    void bindsKnownAlgorithmsFromACommaSeparatedList() {
        this.runner.withPropertyValues("curio.abtest.known-algorithms=popularity,item-neighbours")
            .run((context) -> assertThat(context.getBean(AbtestProperties.class).knownAlgorithms())
                .containsExactly("popularity", "item-neighbours"));
    }

    @Test
    void rejectsMissingKnownAlgorithms() {
        this.runner.run((context) -> assertThat(context).hasFailed());
    }

    @Test
    void rejectsMalformedAlgorithmName() {
        this.runner.withPropertyValues("curio.abtest.known-algorithms=popularity,Item Neighbours")
            .run((context) -> assertThat(context).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AbtestProperties.class)
    static class PropertiesConfiguration {

    }

}
