package io.curio.ingestion.attributes;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BackoffTests {

    @Test
    void doublesThePauseWithEveryRetryUpToTheMaximum() {
        // given
        Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(3));

        // when / then
        assertThat(backoff.before(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.before(2)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.before(4)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.before(5)).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.before(60)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void refusesAMaximumBelowTheBase() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
            .withMessageContaining("PT2S");
    }

}
