package io.curio.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class TrustedProxiesTests {

    @Test
    void trustsAddressesInsideAConfiguredBlock() {
        TrustedProxies proxies = new TrustedProxies(List.of("10.1.0.0/16", "192.0.2.10", "2001:db8::/32"));

        assertThat(proxies.trusts(caller("10.1.200.3"))).isTrue();
        assertThat(proxies.trusts(caller("192.0.2.10"))).isTrue();
        assertThat(proxies.trusts(caller("2001:db8::1"))).isTrue();
    }

    @Test
    void distrustsAddressesOutsideEveryBlock() {
        TrustedProxies proxies = new TrustedProxies(List.of("10.1.0.0/16", "192.0.2.10", "2001:db8::/32"));

        assertThat(proxies.trusts(caller("10.2.0.1"))).isFalse();
        assertThat(proxies.trusts(caller("2001:db9::1"))).isFalse();
        assertThat(proxies.trusts(caller("192.0.2.11"))).isFalse();
        assertThat(proxies.trusts(null)).isFalse();
    }

    @Test
    void trustsNoOneWhenNoBlockIsConfigured() {
        assertThat(new TrustedProxies(List.of()).trusts(caller("127.0.0.1"))).isFalse();
    }

    @Test
    void refusesHostNamesAndMalformedBlocksAtStartup() {
        assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.internal")))
                .hasMessageContaining("curio.gateway.trusted-proxies").hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/40")))
                .hasMessageContaining("10.0.0.0/40");
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/x")))
                .hasMessageContaining("10.0.0.0/x");
    }

    private static InetSocketAddress caller(String address) {
        return new InetSocketAddress(address, 40_000);
    }
}
