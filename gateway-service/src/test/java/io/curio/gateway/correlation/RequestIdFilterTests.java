package io.curio.gateway.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class RequestIdFilterTests {

    @Test
    void keepsTheCallersUuid() {
        assertThat(RequestIdFilter.requestIdFor("0b6f0d2e-1c3a-4f5e-9a7b-2d4c6e8f0a1b"))
                .isEqualTo("0b6f0d2e-1c3a-4f5e-9a7b-2d4c6e8f0a1b");
    }

    @Test
    void replacesAnythingElseWithNewUuid() {
        // when
        String requestId = RequestIdFilter.requestIdFor("1-1-1-1-1");

        // then
        assertThat(requestId).isNotEqualTo("1-1-1-1-1");
        assertThat(UUID.fromString(requestId).version()).isEqualTo(4);
    }

    @Test
    void createsOneWhenAbsent() {
        assertThat(RequestIdFilter.requestIdFor(null)).hasSize(36);
    }
}
