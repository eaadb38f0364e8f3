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
    void refillsFromEmptyInBurstOverRate() {
        assertThat(new PlanLimit(5, 10, null).refillMicros()).isEqualTo(2_000_000L);
    }

    @Test
    void refusesZeroBurst() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PlanLimit(0.5, 0, null))
                .withMessageContaining("burst must be above 0, was 0");
    }

    @Test
    void refusesNonPositiveDailyQuota() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PlanLimit(5, 10, -1L))
                .withMessageContaining("daily-quota must be above 0")
                .withMessageContaining("was -1");
    }

    @Test
    void passesNoQuotaToTheScriptAsZero() {
        assertThat(new PlanLimit(5, 10, null).scriptQuota()).isZero();
        assertThat(new PlanLimit(5, 10, 2000L).scriptQuota()).isEqualTo(2000);
    }
}
