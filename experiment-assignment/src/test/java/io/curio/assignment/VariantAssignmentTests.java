package io.curio.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class VariantAssignmentTests {

    private static final List<Arm> HALVES = arms(50, 50);

    private static final List<Arm> THIRDS = named(arms(34, 33, 33), "control", "neighbours", "popular");

    private static final int USERS = 100_000;

    /** The 99.9 % quantile of the chi-square distribution with 1 degree of freedom. */
    private static final double CHI_SQUARE_999_DF1 = 10.828;

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
        Optional<Arm> assigned = VariantAssignment.assign(key, userId, 100, HALVES);

        // then
        assertThat(VariantAssignment.trafficBucket(key, userId)).isEqualTo(trafficBucket);
        assertThat(VariantAssignment.variantBucket(key, userId)).isEqualTo(variantBucket);
        assertThat(assigned).map(Arm::name).contains(variant);
    }

    @ParameterizedTest
    @CsvSource({
            "search-boost, 5, control",
            "search-boost, 2, neighbours",
            "search-boost, 4, popular",
            "search-boost, bob, popular" })
    void placesReferenceUsersForThreeVariants(String key, String userId, String variant) {
        // when
        Optional<Arm> assigned = VariantAssignment.assign(key, userId, 100, THIRDS);

        // then
        assertThat(assigned).map(Arm::name).contains(variant);
    }

    @Test
    void leavesUsersAboveTheTrafficBucketOutOfTheExperiment() {
        // given user 42 of home-ranking has traffic bucket 3451

        // when
        Optional<Arm> at34 = VariantAssignment.assign("home-ranking", "42", 34, HALVES);
        Optional<Arm> at35 = VariantAssignment.assign("home-ranking", "42", 35, HALVES);

        // then
        assertThat(at34).isEmpty();
        assertThat(at35).map(Arm::name).contains("control");
    }

    @Test
    void keepsEveryIncludedUserInTheSameVariantWhenTrafficGrows() {
        for (int user = 0; user < 10_000; user++) {
            // given
            String userId = "u" + user;
            Optional<Arm> before = VariantAssignment.assign("ramp", userId, 10, HALVES);

            // when
            Optional<Arm> after = VariantAssignment.assign("ramp", userId, 50, HALVES);

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
        List<Arm> canary = named(arms(90, 10), "control", "canary");

        // when
        Map<String, Long> counts = split("canary-release", canary);

        // then
        assertThat(chiSquare(counts, canary)).isLessThan(CHI_SQUARE_999_DF1);
        assertThat(counts.get("canary")).isBetween(9_500L, 10_500L);
    }

    @ParameterizedTest
    @MethodSource("manyVariants")
    void splitsManyVariantsAsTheWeightsSay(List<Integer> weights, double chiSquare999) {
        // given
        List<Arm> variants = arms(weights.stream().mapToInt(Integer::intValue).toArray());

        // when
        Map<String, Long> counts = split("split-" + weights.size(), variants);

        // then
        assertThat(counts).hasSize(weights.size());
        assertThat(chiSquare(counts, variants)).isLessThan(chiSquare999);
    }

    static List<Arguments> manyVariants() {
        return List.of(Arguments.of(List.of(50, 50), 10.828), Arguments.of(List.of(34, 33, 33), 13.816),
                Arguments.of(List.of(15, 15, 14, 14, 14, 14, 14), 22.458),
                Arguments.of(List.of(8, 8, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7), 34.528));
    }

    @Test
    void assignsIndependentlyAcrossExperiments() {
        // given
        Map<String, Long> together = new LinkedHashMap<>();

        // when the same users are assigned in two experiments
        for (int user = 0; user < USERS; user++) {
            String first = VariantAssignment.assign("first", "user-" + user, 100, HALVES).orElseThrow().name();
            String second = VariantAssignment.assign("second", "user-" + user, 100, HALVES).orElseThrow().name();
            together.merge(first + "/" + second, 1L, Long::sum);
        }

        // then each of the four combinations holds about a quarter of the users
        assertThat(together).hasSize(4);
        assertThat(together.values()).allSatisfy((count) -> assertThat(count).isBetween(24_300L, 25_700L));
    }

    private static long countIncluded(List<Arm> variants, int trafficPercent) {
        long included = 0;
        for (int user = 0; user < USERS; user++) {
            if (VariantAssignment.assign("traffic", Integer.toString(user), trafficPercent, variants).isPresent()) {
                included++;
            }
        }
        return included;
    }

    private static Map<String, Long> split(String key, List<Arm> variants) {
        Map<String, Long> counts = new LinkedHashMap<>();
        variants.forEach((variant) -> counts.put(variant.name(), 0L));
        for (int user = 0; user < USERS; user++) {
            Arm variant = VariantAssignment.assign(key, Integer.toString(user), 100, variants).orElseThrow();
            counts.merge(variant.name(), 1L, Long::sum);
        }
        return counts;
    }

    private static double chiSquare(Map<String, Long> counts, List<Arm> variants) {
        double statistic = 0;
        for (Arm variant : variants) {
            double expected = USERS * variant.size() / (double) VariantAssignment.BUCKETS;
            double difference = counts.get(variant.name()) - expected;
            statistic += difference * difference / expected;
        }
        return statistic;
    }

    /** Arms of the given weights on consecutive ranges: control and treatment, or control, v1, v2, …. */
    static List<Arm> arms(int... weights) {
        List<Integer> list = Arrays.stream(weights).boxed().toList();
        List<List<BucketRange>> allocation = Allocation.consecutive(list);
        List<Arm> arms = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            arms.add(new Arm(armName(i, weights.length), "popularity", allocation.get(i)));
        }
        return arms;
    }

    private static String armName(int index, int count) {
        if (index == 0) {
            return "control";
        }
        return (count == 2) ? "treatment" : "v" + index;
    }

    private static List<Arm> named(List<Arm> arms, String... names) {
        List<Arm> named = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            named.add(new Arm(names[i], arms.get(i).model(), arms.get(i).buckets()));
        }
        return named;
    }

}
