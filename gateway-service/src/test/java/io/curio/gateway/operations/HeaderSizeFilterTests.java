package io.curio.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class HeaderSizeFilterTests {

    @Test
    void countsEachHeaderLineAsSent() {
        // given
        HttpHeaders headers = new HttpHeaders();
        headers.add("Accept", "a");
        headers.add("Accept", "bb");
        headers.add("X-Id", "1234");

        // when
        long bytes = HeaderSizeFilter.headerBytes(headers);

        // then: "Accept: a\r\n", "Accept: bb\r\n", "X-Id: 1234\r\n"
        assertThat(bytes).isEqualTo(11 + 12 + 12);
    }
}
