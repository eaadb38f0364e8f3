package io.curio.abtest.exposure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.curio.assignment.ImpressionSignature;

/**
 * The signature every impression must carry to count, keyed with {@code curio.impressions.signing-key}.
 */
@Configuration(proxyBeanMethods = false)
class ImpressionSigning {

    @Bean
    ImpressionSignature impressionSignature(ImpressionProperties properties) {
        return new ImpressionSignature(properties.signingKey());
    }

}
