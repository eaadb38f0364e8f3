package io.curio.gateway.forwarded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTests {

    private final TrustedProxies proxies = new TrustedProxies(List.of("10.1.0.0/16", " 192.0.2.7 ", "fd00::/8",
            "172.16.0.0/12"));

    @ParameterizedTest
    @ValueSource(strings = { "10.1.0.1", "10.1.255.254", "192.0.2.7", "fd12:3456::1", "172.31.255.255" })
    void trustsPeersInsideConfiguredBlocks(String peer) {
        assertThat(proxies.trusts(new InetSocketAddress(peer, 443))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "10.2.0.1", "192.0.2.8", "127.0.0.1", "::1", "fe80::1", "172.32.0.1" })
    void distrustsEveryoneElse(String peer) {
        assertThat(proxies.trusts(new InetSocketAddress(peer, 443))).isFalse();
    }

    @Test
    void trustsNoOneByDefault() {
        assertThat(new TrustedProxies(List.of()).trusts(new InetSocketAddress("127.0.0.1", 443))).isFalse();
    }

    @Test
    void distrustsUnknownPeer() {
        assertThat(proxies.trusts(null)).isFalse();
        assertThat(proxies.trusts(InetSocketAddress.createUnresolved("proxy.internal", 443))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "proxy.internal", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "" })
    void refusesWhatIsNeitherAddressNorBlock(String entry) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TrustedProxies(List.of(entry)))
                .withMessageContaining("curio.gateway.trusted-proxies")
                .withMessageContaining("'" + entry + "'");
    }
}
