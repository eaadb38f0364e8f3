package io.curio.gateway.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

class FallbackQueryTests {

    @Test
    void defaultsAsTheServiceDoes() {
        assertThat(FallbackQuery.of(null, null)).isEqualTo(new FallbackQuery(10, "home"));
    }

    @Test
    void refusesWhatTheServiceRefuses() {
        assertThatIllegalArgumentException().isThrownBy(() -> FallbackQuery.of("0", null))
                .withMessageContaining("limit");
        assertThatIllegalArgumentException().isThrownBy(() -> FallbackQuery.of("101", null));
        assertThatIllegalArgumentException().isThrownBy(() -> FallbackQuery.of(null, "Home!"))
                .withMessageContaining("surface");
    }

    @Test
    void namesTheReasonOfAFailure() {
        assertThat(FallbackReason.of(new TimeoutException())).isEqualTo(FallbackReason.TIMEOUT);
        assertThat(FallbackReason.of(new IllegalStateException(new ConnectException())))
                .isEqualTo(FallbackReason.UNAVAILABLE);
        assertThat(FallbackReason.of(new RecommendationsFilter.ServiceFailedException()))
                .isEqualTo(FallbackReason.ERROR);
    }
}
