package io.curio.gateway.forwarded;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which callers may send {@code Forwarded} and {@code X-Forwarded-*} headers.
 *
 * @param trustedProxies IP addresses and CIDR blocks of the proxies in front of the gateway; empty trusts no one
 */
@ConfigurationProperties("curio.gateway")
public record ForwardedHeadersProperties(List<String> trustedProxies) {

    public ForwardedHeadersProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }
}
