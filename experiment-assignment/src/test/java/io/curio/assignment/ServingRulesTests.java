package io.curio.assignment;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServingRulesTests {

    private static final List<List<BucketRange>> HALVES = Allocation.consecutive(List.of(50, 50));

    private static final RunningExperiment HOME_RANKING = new RunningExperiment("home-ranking", "home", 100,
            new Targeting(List.of("free"), List.of()), List.of(new Arm("control", "item-neighbours", HALVES.get(0)),
                    new Arm("treatment", "blend", HALVES.get(1))));

    @Test
    void placesAUserInTheVariantOfTheRunningExperimentOnTheSurface() {
        // given user 42 has variant bucket 3145 in home-ranking
        ServingRules rules = new ServingRules(List.of(HOME_RANKING), List.of(), List.of());

        // when
        Placement placement = rules.place("42", "home", "free", "ios");

        // then
        assertThat(placement).isEqualTo(new Placement("home-ranking", "control", "item-neighbours"));
    }

    @Test
    void givesTheDefaultToUsersOutsideTargetingAndToOtherSurfaces() {
        // given
        ServingRules rules = new ServingRules(List.of(HOME_RANKING),
                List.of(new SurfaceWinner("home", "old-test", "treatment", "ease", Targeting.EVERYONE)), List.of());

        // when
        Placement premium = rules.place("42", "home", "premium", null);
        Placement search = rules.place("42", "search", "free", null);

        // then the running experiment decides its surface, even for the users it leaves out
        assertThat(premium).isEqualTo(Placement.DEFAULT);
        assertThat(search).isEqualTo(Placement.DEFAULT);
    }

    @Test
    void servesAStoppedExperimentsWinnerOutsideAnyExperiment() {
        // given
        ServingRules rules = new ServingRules(List.of(), List.of(new SurfaceWinner("home", "home-ranking",
                "treatment", "blend", new Targeting(List.of(), List.of("ios")))), List.of());

        // when
        Placement onIos = rules.place("42", "home", "free", "ios");
        Placement onAndroid = rules.place("42", "home", "free", "android");

        // then
        assertThat(onIos).isEqualTo(new Placement(null, null, "blend"));
        assertThat(onIos.inExperiment()).isFalse();
        assertThat(onAndroid).isEqualTo(Placement.DEFAULT);
    }

    @Test
    void keepsCanaryUsersOnTheCandidateAsTheShareGrows() {
        for (int user = 0; user < 10_000; user++) {
            // given
            String userId = "reader-" + user;
            CanaryArm at5 = canary(5).armOf(userId);

            // when
            CanaryArm at25 = canary(25).armOf(userId);
            CanaryArm at100 = canary(100).armOf(userId);

            // then
            if (at5 == CanaryArm.CANDIDATE) {
                assertThat(at25).isEqualTo(CanaryArm.CANDIDATE);
            }
            assertThat(at100).isEqualTo(CanaryArm.CANDIDATE);
            assertThat(canary(0).armOf(userId)).isEqualTo(CanaryArm.BASELINE);
        }
    }

    @Test
    void givesTheCandidateToItsShareOfUsers() {
        // given
        ModelCanary canary = canary(25);
        int candidates = 0;

        // when
        for (int user = 0; user < 100_000; user++) {
            if (canary.armOf(Integer.toString(user)) == CanaryArm.CANDIDATE) {
                candidates++;
            }
        }

        // then 25 % of 100,000 users, within four standard deviations (√(100,000 × 0.25 × 0.75) ≈ 137)
        assertThat(candidates).isBetween(24_452, 25_548);
        assertThat(canary.versionFor(CanaryArm.CANDIDATE)).isEqualTo("2026-12-05T10-00-00Z");
        assertThat(canary.versionFor(CanaryArm.BASELINE)).isEqualTo("2026-12-04T10-00-00Z");
    }

    @Test
    void findsTheCanaryOfAnAlgorithm() {
        // given
        ServingRules rules = new ServingRules(List.of(), List.of(), List.of(canary(5)));

        // then
        assertThat(rules.canaryOf("ease")).contains(canary(5));
        assertThat(rules.canaryOf("blend")).isEmpty();
    }

    private static ModelCanary canary(int percent) {
        return new ModelCanary("ease-2026-12-05", "ease", "2026-12-05T10-00-00Z", "2026-12-04T10-00-00Z", percent);
    }

}
