package io.curio.localstack.proof;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CrashesTests {

    @Test
    void spreadsTheKillsEvenlyInsideTheSendingTime() {
        assertThat(Crashes.moments(2, Duration.ofSeconds(50))).containsExactly(Duration.ofSeconds(10),
                Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(40));
    }

    @Test
    void plansNoKillWhenNoneIsAskedFor() {
        assertThat(Crashes.moments(0, Duration.ofSeconds(50))).isEmpty();
    }

}
