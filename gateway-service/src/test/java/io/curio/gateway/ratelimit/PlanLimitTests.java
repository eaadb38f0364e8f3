package io.curio.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PlanLimitTests {

    @Test
    void refusesZeroRate() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PlanLimit(0, 10, null))
                .withMessageContaining("was 0.0");
    }

    @Test
    void refusesBurstBelowRate() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PlanLimit(50, 10, null))
                .withMessageContaining("was 10");
    }

    @Test
    void acceptsBurstEqualToRate() {
        assertThat(new PlanLimit(5, 5, null).burst()).isEqualTo(5);
    }

    @Test
    void refusesDailyQuotaBelowBurst() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PlanLimit(5, 10, 9))
                .withMessageContaining("daily-quota must be at least burst (10)")
                .withMessageContaining("was 9");
    }

    @Test
    void refusesZeroDailyQuota() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PlanLimit(5, 10, 0))
                .withMessageContaining("was 0");
    }

    @Test
    void passesNoDailyQuotaToTheScriptAsZero() {
        assertThat(new PlanLimit(50, 100, null).scriptQuota()).isZero();
        assertThat(new PlanLimit(5, 10, 2_000).scriptQuota()).isEqualTo(2_000);
    }

    @Test
    void refillsFromEmptyInBurstOverRate() {
        assertThat(new PlanLimit(5, 10, null).refillMicros()).isEqualTo(2_000_000L);
    }
}
