package io.curio.abtest;

import java.time.Duration;

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

    @Test
    void attributesOutcomesForThirtyMinutesWithAMinuteOfClockSkewByDefault() {
        this.runner.withPropertyValues("curio.abtest.known-algorithms=popularity").run((context) -> {
            AbtestProperties properties = context.getBean(AbtestProperties.class);
            assertThat(properties.attributionWindow()).isEqualTo(Duration.ofMinutes(30));
            assertThat(properties.attributionSkew()).isEqualTo(Duration.ofMinutes(1));
        });
    }

    @Test
    void bindsTheAttributionWindow() {
        this.runner.withPropertyValues("curio.abtest.known-algorithms=popularity", "curio.abtest.attribution-window=2h")
            .run((context) -> assertThat(context.getBean(AbtestProperties.class).attributionWindow())
                .isEqualTo(Duration.ofHours(2)));
    }

    @Test
    void rejectsAnAttributionWindowThatIsNotPositive() {
        for (String window : new String[] { "0s", "-5m" }) {
            this.runner.withPropertyValues("curio.abtest.known-algorithms=popularity",
                    "curio.abtest.attribution-window=" + window)
                .run((context) -> assertThat(context).hasFailed());
        }
    }

    @Test
    void rejectsANegativeClockSkew() {
        this.runner.withPropertyValues("curio.abtest.known-algorithms=popularity", "curio.abtest.attribution-skew=-1s")
            .run((context) -> assertThat(context).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AbtestProperties.class)
    static class PropertiesConfiguration {

    }

}
