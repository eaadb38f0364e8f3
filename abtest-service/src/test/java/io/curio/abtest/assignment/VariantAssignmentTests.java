package io.curio.abtest.assignment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.curio.abtest.experiment.Variant;

import static org.assertj.core.api.Assertions.assertThat;

class VariantAssignmentTests {

    private static final List<Variant> HALVES = List.of(new Variant("control", 50, "popularity"),
            new Variant("treatment", 50, "item-neighbours"));

    private static final List<Variant> THIRDS = List.of(new Variant("control", 34, "popularity"),
            new Variant("neighbours", 33, "item-neighbours"), new Variant("popular", 33, "popularity@2026-12-01"));

    private static final int USERS = 100_000;

    /** 99.9 % quantiles of the chi-square distribution with 1 and 2 degrees of freedom. */
    private static final double CHI_SQUARE_999_DF1 = 10.828;

    private static final double CHI_SQUARE_999_DF2 = 13.816;

    @ParameterizedTest
    @CsvSource({
            "home-ranking, 42, 3451, 3145, control",
            "home-ranking, 2, 5257, 8714, treatment",
            "home-ranking, 6, 6550, 6354, treatment",
            "home-ranking, alice, 9484, 2228, control",
            "home-ranking, ünïcode, 8001, 2859, control" })
    void placesReferenceUsersInTheirBucketsForTwoVariants(String key, String userId, int trafficBucket,
            int variantBucket, String variant) {
        // when
        Optional<Variant> assigned = VariantAssignment.assign(key, userId, HALVES, 100);

        // then
        assertThat(VariantAssignment.trafficBucket(key, userId)).isEqualTo(trafficBucket);
        assertThat(VariantAssignment.variantBucket(key, userId)).isEqualTo(variantBucket);
        assertThat(assigned).map(Variant::name).contains(variant);
    }

    @ParameterizedTest
    @CsvSource({
            "search-boost, 5, control",
            "search-boost, 2, neighbours",
            "search-boost, 4, popular",
            "search-boost, bob, popular" })
    void placesReferenceUsersForThreeVariants(String key, String userId, String variant) {
        // when
        Optional<Variant> assigned = VariantAssignment.assign(key, userId, THIRDS, 100);

        // then
        assertThat(assigned).map(Variant::name).contains(variant);
    }

    @Test
    void leavesUsersAboveTheTrafficBucketOutOfTheExperiment() {
        // given user 42 of home-ranking has traffic bucket 3451

        // when
        Optional<Variant> at34 = VariantAssignment.assign("home-ranking", "42", HALVES, 34);
        Optional<Variant> at35 = VariantAssignment.assign("home-ranking", "42", HALVES, 35);

        // then
        assertThat(at34).isEmpty();
        assertThat(at35).map(Variant::name).contains("control");
    }

    @Test
    void keepsEveryIncludedUserInTheSameVariantWhenTrafficGrows() {
        for (int user = 0; user < 10_000; user++) {
            // given
            String userId = "u" + user;
            Optional<Variant> before = VariantAssignment.assign("ramp", userId, HALVES, 10);

            // when
            Optional<Variant> after = VariantAssignment.assign("ramp", userId, HALVES, 50);

            // then
            before.ifPresent((variant) -> assertThat(after).contains(variant));
        }
    }

    @Test
    void includesTheTrafficShareOfUsers() {
        // when
        long included = countIncluded(HALVES, 20);

        // then 20 % of 100,000 users, within four standard deviations (√(100,000 × 0.2 × 0.8) ≈ 126)
        assertThat(included).isBetween(19_494L, 20_506L);
    }

    @Test
    void includesNobodyAtZeroTraffic() {
        // when
        long included = countIncluded(HALVES, 0);

        // then
        assertThat(included).isZero();
    }

    @Test
    void splitsTwoVariantsAsTheWeightsSay() {
        // when
        Map<String, Long> counts = split("home-ranking", HALVES);

        // then
        assertThat(chiSquare(counts, HALVES)).isLessThan(CHI_SQUARE_999_DF1);
    }

    @Test
    void splitsUnevenTwoVariantsAsTheWeightsSay() {
        // given
        List<Variant> canary = List.of(new Variant("control", 90, "popularity"),
                new Variant("canary", 10, "item-neighbours"));

        // when
        Map<String, Long> counts = split("canary-release", canary);

        // then
        assertThat(chiSquare(counts, canary)).isLessThan(CHI_SQUARE_999_DF1);
        assertThat(counts.get("canary")).isBetween(9_500L, 10_500L);
    }

    @Test
    void splitsThreeVariantsAsTheWeightsSay() {
        // when
        Map<String, Long> counts = split("search-boost", THIRDS);

        // then
        assertThat(chiSquare(counts, THIRDS)).isLessThan(CHI_SQUARE_999_DF2);
    }

    @Test
    void assignsIndependentlyAcrossExperiments() {
        // given
        Map<String, Long> together = new LinkedHashMap<>();

        // when the same users are assigned in two experiments
        for (int user = 0; user < USERS; user++) {
            String first = VariantAssignment.assign("first", "user-" + user, HALVES, 100).orElseThrow().name();
            String second = VariantAssignment.assign("second", "user-" + user, HALVES, 100).orElseThrow().name();
            together.merge(first + "/" + second, 1L, Long::sum);
        }

        // then each of the four combinations holds about a quarter of the users
        assertThat(together).hasSize(4);
        assertThat(together.values()).allSatisfy((count) -> assertThat(count).isBetween(24_300L, 25_700L));
    }

    private static long countIncluded(List<Variant> variants, int trafficPercent) {
        long included = 0;
        for (int user = 0; user < USERS; user++) {
            if (VariantAssignment.assign("traffic", Integer.toString(user), variants, trafficPercent).isPresent()) {
                included++;
            }
        }
        return included;
    }

    private static Map<String, Long> split(String key, List<Variant> variants) {
        Map<String, Long> counts = new LinkedHashMap<>();
        variants.forEach((variant) -> counts.put(variant.name(), 0L));
        for (int user = 0; user < USERS; user++) {
            Variant variant = VariantAssignment.assign(key, Integer.toString(user), variants, 100).orElseThrow();
            counts.merge(variant.name(), 1L, Long::sum);
        }
        return counts;
    }

    private static double chiSquare(Map<String, Long> counts, List<Variant> variants) {
        double statistic = 0;
        for (Variant variant : variants) {
            double expected = USERS * variant.weight() / 100.0;
            double difference = counts.get(variant.name()) - expected;
            statistic += difference * difference / expected;
        }
        return statistic;
    }

}
