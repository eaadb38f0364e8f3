package io.curio.inference.recommendation;

import java.util.List;

import io.curio.assignment.ImpressionSignature;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ImpressionPropertiesTests {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
        .withUserConfiguration(Binding.class);

    @Test
    void signsWithTheConfiguredKey() {
        // given
        String key = "configured-impression-key-0123456789abcdef";

        this.contexts.withPropertyValues("curio.impressions.signing-key=" + key).run((context) -> {
            // when
            ImpressionSignature signature = context.getBean(ImpressionProperties.class).signature();

            // then
            ImpressionSignature.Facts facts = new ImpressionSignature.Facts("r1", "42", "home", null, null,
                    "popularity", "v1", false, null, null, List.of("1"));
            assertThat(new ImpressionSignature(key).verifies(facts, signature.sign(facts))).isTrue();
        });
    }

    @Test
    void refusesToStartWithAShortKeyNamingTheSettingButNotTheKey() {
        this.contexts.withPropertyValues("curio.impressions.signing-key=too-short-secret").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("curio.impressions.signing-key (CURIO_IMPRESSION_SIGNING_KEY)")
                .hasMessageContaining("at least 32 bytes")
                .hasMessageContaining("it has 16")
                .hasMessageNotContaining("too-short-secret");
        });
    }

    @Test
    void refusesToStartWithoutAKey() {
        this.contexts.run((context) -> assertThat(context).hasFailed());
    }

    @Test
    void keepsTheKeyOutOfItsDescription() {
        assertThat(new ImpressionProperties("secret-impression-key-0123456789abcdef"))
            .hasToString("ImpressionProperties[signingKey=(secret)]");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ImpressionProperties.class)
    static class Binding {

    }

}
