package io.curio.abtest.canary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GuardrailRuleTests {

    private static final Instant STEP_START = Instant.parse("2026-12-05T11:00:00Z");

    private static final Instant STEP_OVER = STEP_START.plus(Duration.ofMinutes(2));

    private static final double ALPHA = 0.05;

    @Test
    void advancesToTheNextStepWhenTheStepLastedAndBothArmsHaveEnoughImpressions() {
        // given
        CanaryEvidence evidence = evidence(new ArmCounts(400, 40), new ArmCounts(4000, 400));

        // when
        CanaryVerdict verdict = GuardrailRule.decide(canary(25), evidence, STEP_OVER, ALPHA);

        // then
        assertThat(verdict.action()).isEqualTo(CanaryAction.ADVANCE);
        assertThat(verdict.percentTo()).isEqualTo(50);
        assertThat(verdict.pValue()).isEqualTo(0.5);
    }

    @Test
    void holdsWhileTheStepLasts() {
        // given
        CanaryEvidence evidence = evidence(new ArmCounts(400, 40), new ArmCounts(4000, 400));

        // when
        CanaryVerdict verdict = GuardrailRule.decide(canary(25), evidence, STEP_OVER.minusSeconds(1), ALPHA);

        // then
        assertThat(verdict.action()).isEqualTo(CanaryAction.HOLD);
        assertThat(verdict.percentTo()).isEqualTo(25);
        assertThat(verdict.reason()).contains("lasts until 2026-12-05T11:02:00Z");
    }

    @Test
    void holdsWhileAnArmHasTooFewImpressionsInTheStep() {
        // given
        CanaryEvidence evidence = new CanaryEvidence(new ArmCounts(900, 90), new ArmCounts(9000, 900),
                new ArmCounts(299, 30), new ArmCounts(3000, 300));

        // when
        CanaryVerdict verdict = GuardrailRule.decide(canary(25), evidence, STEP_OVER, ALPHA);

        // then
        assertThat(verdict.action()).isEqualTo(CanaryAction.HOLD);
        assertThat(verdict.reason()).contains("fewer than 300 impressions");
    }

    @Test
    void rollsBackASignificantlyWorseCandidateEvenBeforeTheStepIsOver() {
        // given
        CanaryEvidence evidence = evidence(new ArmCounts(400, 20), new ArmCounts(4000, 400));

        // when
        CanaryVerdict verdict = GuardrailRule.decide(canary(25), evidence, STEP_START, ALPHA);

        // then
        assertThat(verdict.action()).isEqualTo(CanaryAction.ROLLBACK);
        assertThat(verdict.percentTo()).isZero();
        assertThat(verdict.pValue()).isLessThan(ALPHA);
        assertThat(verdict.reason()).contains("0.0500", "0.1000");
    }

    @Test
    void doesNotRollBackOnTooFewImpressions() {
        // given
        CanaryEvidence evidence = evidence(new ArmCounts(299, 0), new ArmCounts(4000, 400));

        // when
        CanaryVerdict verdict = GuardrailRule.decide(canary(25), evidence, STEP_START, ALPHA);

        // then
        assertThat(verdict.action()).isEqualTo(CanaryAction.HOLD);
    }

    @Test
    void promotesWhenTheLastStepBeforeOneHundredHeld() {
        // given
        CanaryEvidence evidence = evidence(new ArmCounts(2000, 210), new ArmCounts(2000, 200));

        // when
        CanaryVerdict verdict = GuardrailRule.decide(canary(50), evidence, STEP_OVER, ALPHA);

        // then
        assertThat(verdict.action()).isEqualTo(CanaryAction.PROMOTE);
        assertThat(verdict.percentTo()).isEqualTo(100);
    }

    private static CanaryEvidence evidence(ArmCounts candidate, ArmCounts baseline) {
        return new CanaryEvidence(candidate, baseline, candidate, baseline);
    }

    private static Canary canary(int percent) {
        return new Canary("ease-2026-12-05t10-00-00z", "ease", "2026-12-05T10-00-00Z", "2026-12-04T10-00-00Z",
                List.of(5, 25, 50, 100), Duration.ofMinutes(2), 300, CanaryStatus.RUNNING, percent, STEP_START,
                STEP_START.minus(Duration.ofHours(1)), null);
    }

}
