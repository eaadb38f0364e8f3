package io.curio.feature.attributes;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AppliedSnapshotTests {

    private static final String KEY = "raw/books/dt=2026-12-03/1764720000000.json";

    private final AppliedSnapshot applied = new AppliedSnapshot(SnapshotKey.parse(Entity.BOOKS, KEY).orElseThrow(),
            Instant.parse("2026-12-03T00:00:00Z"));

    @Test
    void isCurrentAsOfItsPollUntilConfirmed() {
        assertThat(this.applied.currentAt()).isEqualTo(this.applied.polledAt());
    }

    @Test
    void becomesCurrentAsOfALaterConfirmationOfTheSameSnapshot() {
        // given
        Confirmation confirmation = new Confirmation(KEY, Instant.parse("2026-12-04T10:00:00Z"));

        // when
        AppliedSnapshot confirmed = this.applied.confirmedBy(confirmation);

        // then
        assertThat(confirmed.currentAt()).isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
        assertThat(confirmed.polledAt()).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
    }

    @Test
    void ignoresConfirmationsOfOtherSnapshotsOrOlderOnes() {
        // given
        Confirmation other = new Confirmation("raw/books/dt=2026-12-04/1.json", Instant.parse("2026-12-04T10:00:00Z"));
        Confirmation older = new Confirmation(KEY, Instant.parse("2026-12-02T00:00:00Z"));

        // when / then
        assertThat(this.applied.confirmedBy(other)).isSameAs(this.applied);
        assertThat(this.applied.confirmedBy(older)).isSameAs(this.applied);
    }

}
