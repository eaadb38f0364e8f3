package io.curio.abtest.experiment;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.curio.assignment.Targeting;

import static org.assertj.core.api.Assertions.assertThat;

class TargetingTests {

    @Test
    void includesEveryoneWithoutRestrictions() {
        // given
        Targeting targeting = Targeting.EVERYONE;

        // then
        assertThat(targeting.includes("free", null)).isTrue();
        assertThat(targeting.includes("premium", "ios")).isTrue();
    }

    @Test
    void includesOnlyListedPlans() {
        // given
        Targeting targeting = new Targeting(List.of("premium"), null);

        // then
        assertThat(targeting.includes("premium", "web")).isTrue();
        assertThat(targeting.includes("free", "web")).isFalse();
    }

    @Test
    void excludesUsersWithUnknownPlatformWhenPlatformsAreListed() {
        // given
        Targeting targeting = new Targeting(null, List.of("ios", "android"));

        // then
        assertThat(targeting.includes("free", "android")).isTrue();
        assertThat(targeting.includes("free", "web")).isFalse();
        assertThat(targeting.includes("free", null)).isFalse();
    }

}
