package io.curio.gateway.edge;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What the gateway accepts at its edge before routing.
 *
 * @param maxRequestBodySize {@code curio.gateway.max-request-body-size}: the largest request body routed; a
 *     larger one answers 413. Above ingestion-service's 1 MiB so that ingestion's own, exact limit decides first.
 * @param trustedProxies {@code curio.gateway.trusted-proxies}: CIDR blocks (or single addresses) of the proxies
 *     whose {@code X-Forwarded-*} and {@code Forwarded} headers are kept; from any other caller they are removed
 */
@Validated
@ConfigurationProperties("curio.gateway")
public record EdgeProperties(
        @NotNull @DefaultValue("1088KB") DataSize maxRequestBodySize,
        @NotNull @DefaultValue List<String> trustedProxies) {

    public EdgeProperties {
        if (maxRequestBodySize != null && maxRequestBodySize.toBytes() <= 0) {
            throw new IllegalArgumentException("curio.gateway.max-request-body-size must be above zero");
        }
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }
}
