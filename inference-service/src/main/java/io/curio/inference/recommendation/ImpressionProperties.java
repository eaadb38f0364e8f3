package io.curio.inference.recommendation;

import java.nio.charset.StandardCharsets;

import io.curio.assignment.ImpressionSignature;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How impressions are signed, under {@code curio.impressions}. abtest-service counts an impression only when its
 * signature verifies with the same key, so the two services must be given the same secret.
 *
 * @param signingKey the HMAC key shared with abtest-service, at least {@value ImpressionSignature#MIN_KEY_BYTES}
 * bytes
 */
@ConfigurationProperties("curio.impressions")
public record ImpressionProperties(String signingKey) {

    public ImpressionProperties {
        int bytes = (signingKey != null) ? signingKey.getBytes(StandardCharsets.UTF_8).length : 0;
        if (bytes < ImpressionSignature.MIN_KEY_BYTES) {
            throw new IllegalArgumentException("Set curio.impressions.signing-key (CURIO_IMPRESSION_SIGNING_KEY) to "
                    + "a secret of at least " + ImpressionSignature.MIN_KEY_BYTES + " bytes, the one abtest-service "
                    + "verifies impressions with; it has " + bytes);
        }
    }

    /** The signer of this key. */
    public ImpressionSignature signature() {
        return new ImpressionSignature(this.signingKey);
    }

    /** Leaves the secret out, so that it never reaches a log. */
    @Override
    public String toString() {
        return "ImpressionProperties[signingKey=(secret)]";
    }

}
