package io.curio.feature.attributes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotKeyTests {

    @Test
    void readsThePollTimeFromTheKey() {
        // when
        SnapshotKey key = SnapshotKey.parse(Entity.BOOKS, "raw/books/dt=2026-12-04/1764849600000.json").orElseThrow();

        // then
        assertThat(key.polledMillis()).isEqualTo(1764849600000L);
        assertThat(key.partition()).isEqualTo("raw/books/dt=2026-12-04/");
    }

    @Test
    void ignoresObjectsThatAreNotSnapshotsOfTheEntity() {
        assertThat(SnapshotKey.parse(Entity.BOOKS, "raw/users/dt=2026-12-04/1764849600000.json")).isEmpty();
        assertThat(SnapshotKey.parse(Entity.BOOKS, "raw/books/dt=2026-12-04/latest.json")).isEmpty();
        assertThat(SnapshotKey.parse(Entity.BOOKS, "raw/books/1764849600000.json")).isEmpty();
    }

    @Test
    void ordersByPollTimeNotByKeyText() {
        // given
        SnapshotKey earlier = SnapshotKey.parse(Entity.USERS, "raw/users/dt=2026-12-04/999999999999.json")
            .orElseThrow();
        SnapshotKey later = SnapshotKey.parse(Entity.USERS, "raw/users/dt=2026-12-04/1000000000000.json")
            .orElseThrow();

        // then
        assertThat(later.isNewerThan(earlier)).isTrue();
        assertThat(earlier.isNewerThan(later)).isFalse();
        assertThat(later.isNewerThan(later)).isFalse();
    }

}
