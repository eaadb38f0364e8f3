package io.curio.abtest.exposure;

import java.nio.charset.StandardCharsets;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import io.curio.assignment.ImpressionSignature;

/**
 * How impressions prove they were logged by inference-service, bound from {@code curio.impressions.*}.
 *
 * @param signingKey the secret inference-service signs impressions with; at least
 * {@link ImpressionSignature#MIN_KEY_BYTES} bytes of UTF-8
 */
@Validated
@ConfigurationProperties("curio.impressions")
public record ImpressionProperties(@NotNull String signingKey) {

    /** Whether the key is long enough for HMAC-SHA256; checked at startup. */
    @AssertTrue(message = "must be at least " + ImpressionSignature.MIN_KEY_BYTES + " bytes long")
    public boolean isSigningKeyLongEnough() {
        return this.signingKey == null
                || this.signingKey.getBytes(StandardCharsets.UTF_8).length >= ImpressionSignature.MIN_KEY_BYTES;
    }

    @Override
    public String toString() {
        return "ImpressionProperties[signingKey=(hidden)]";
    }

}
