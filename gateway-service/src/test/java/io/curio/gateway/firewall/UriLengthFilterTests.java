package io.curio.gateway.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class UriLengthFilterTests {

    @Test
    void countsPathAndQueryWithItsQuestionMark() {
        assertThat(UriLengthFilter.uriLength(URI.create("http://127.0.0.1:8080/v1/recommendations?limit=5")))
                .isEqualTo("/v1/recommendations?limit=5".length());
    }

    @Test
    void countsEscapedCharactersAsSent() {
        assertThat(UriLengthFilter.uriLength(URI.create("http://127.0.0.1:8080/v1/a%20b"))).isEqualTo(9);
    }
}
