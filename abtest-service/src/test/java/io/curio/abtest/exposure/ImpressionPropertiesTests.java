package io.curio.abtest.exposure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ImpressionPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
        .withUserConfiguration(PropertiesConfiguration.class);

    @Test
    void bindsASigningKeyOfThirtyTwoBytes() {
        this.runner.withPropertyValues("curio.impressions.signing-key=" + "k".repeat(32))
            .run((context) -> assertThat(context.getBean(ImpressionProperties.class).signingKey())
                .isEqualTo("k".repeat(32)));
    }

    @Test
    void refusesToStartWithAShorterSigningKey() {
        this.runner.withPropertyValues("curio.impressions.signing-key=" + "k".repeat(31))
            .run((context) -> assertThat(context).hasFailed());
    }

    @Test
    void refusesToStartWithoutASigningKey() {
        this.runner.run((context) -> assertThat(context).hasFailed());
    }

    @Test
    void neverShowsTheKey() {
        assertThat(new ImpressionProperties("secret-".repeat(5))).asString().doesNotContain("secret");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ImpressionProperties.class)
    static class PropertiesConfiguration {

    }

}
