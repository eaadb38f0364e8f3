package io.curio.abtest.exposure;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttributionWindowTests {

    private static final Instant SHOWN = Instant.parse("2026-12-04T10:00:00Z");

    private final AttributionWindow window = new AttributionWindow(Duration.ofMinutes(30), Duration.ofMinutes(1));

    @Test
    void countsOutcomesFromTheSkewBeforeTheImpressionToTheEndOfTheWindow() {
        assertThat(this.window.covers(SHOWN, SHOWN)).isTrue();
        assertThat(this.window.covers(SHOWN, SHOWN.minusSeconds(60))).isTrue();
        assertThat(this.window.covers(SHOWN, SHOWN.plusSeconds(30 * 60))).isTrue();
    }

    @Test
    void leavesOutOutcomesBeforeTheSkewOrAfterTheWindow() {
        assertThat(this.window.covers(SHOWN, SHOWN.minusSeconds(61))).isFalse();
        assertThat(this.window.covers(SHOWN, SHOWN.plusSeconds(30 * 60 + 1))).isFalse();
    }

}
