package io.curio.gateway.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathFilterTests {

    @ParameterizedTest
    @ValueSource(strings = { "/", "/v1/recommendations", "/v1/experiments/home-ranking/start",
            "/v1/experiments/caf%C3%A9", "/v1/experiments/a%20b", "/v1/experiments/100%25" })
    void acceptsCanonicalPath(String path) {
        assertThat(CanonicalPathFilter.isCanonical(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/v1/recommendations/", "/v1/experiments/", "/%76%31/recommendations",
            "/v1/recommendation%73", "/v1/RECOMMENDATION%53", "/v1/experiments/home%2Dranking", "/v1/%2e/events",
            "/v1/experiments/a%5Fb", "/v1/experiments/a%7eb", "/v1/experiments/%30" })
    void refusesTrailingSlashAndEncodedUnreservedCharacters(String path) {
        assertThat(CanonicalPathFilter.isCanonical(path)).isFalse();
    }
}
