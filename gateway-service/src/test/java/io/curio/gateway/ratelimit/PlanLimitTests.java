package io.curio.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PlanLimitTests {

    @Test
    void refusesZeroRate() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PlanLimit(0, 10))
                .withMessageContaining("was 0.0");
    }

    @Test
    void refusesBurstBelowRate() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PlanLimit(50, 10))
                .withMessageContaining("was 10");
    }

    @Test
    void acceptsBurstEqualToRate() {
        assertThat(new PlanLimit(5, 5).burst()).isEqualTo(5);
    }

    @Test
    void refillsFromEmptyInBurstOverRate() {
        assertThat(new PlanLimit(5, 10).refillMicros()).isEqualTo(2_000_000L);
    }
}
