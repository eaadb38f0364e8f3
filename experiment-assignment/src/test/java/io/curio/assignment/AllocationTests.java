package io.curio.assignment;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AllocationTests {

    @Test
    void givesVariantsConsecutiveRangesInDeclaredOrder() {
        // when
        List<List<BucketRange>> allocation = Allocation.consecutive(List.of(50, 30, 20));

        // then
        assertThat(allocation).containsExactly(List.of(new BucketRange(0, 5000)),
                List.of(new BucketRange(5000, 8000)), List.of(new BucketRange(8000, 10_000)));
    }

    @Test
    void movesOnlyTheBoundaryBucketsBetweenTwoVariants() {
        // given
        List<List<BucketRange>> before = Allocation.consecutive(List.of(50, 50));

        // when
        List<List<BucketRange>> after = Allocation.reweigh(before, List.of(80, 20));

        // then 3,000 buckets change hands, the treatment's highest ones, to the control
        assertThat(after.get(0)).containsExactly(new BucketRange(0, 5000), new BucketRange(7000, 10_000));
        assertThat(after.get(1)).containsExactly(new BucketRange(5000, 7000));
        assertThat(moved(before, after)).isEqualTo(3000);
    }

    @Test
    void movesNoMoreBucketsThanTheIncreasesForThreeVariants() {
        // given
        List<List<BucketRange>> before = Allocation.consecutive(List.of(34, 33, 33));

        // when
        List<List<BucketRange>> after = Allocation.reweigh(before, List.of(50, 25, 25));

        // then the control gains 16 %, and only those buckets move; consecutive ranges would move 33 %
        assertThat(moved(before, after)).isEqualTo(1600);
        assertThat(moved(before, Allocation.consecutive(List.of(50, 25, 25)))).isEqualTo(2400);
        assertThat(after).extracting(Allocation::size).containsExactly(5000, 2500, 2500);
    }

    @Test
    void keepsEveryBucketOwnedOnceThroughSuccessiveReweighings() {
        // given
        List<List<BucketRange>> allocation = Allocation.consecutive(List.of(20, 20, 20, 20, 20));

        // when
        for (List<Integer> weights : List.of(List.of(60, 10, 10, 10, 10), List.of(5, 5, 5, 5, 80),
                List.of(0, 25, 25, 25, 25), List.of(20, 20, 20, 20, 20))) {
            allocation = Allocation.reweigh(allocation, weights);
        }

        // then
        int[] owners = owners(allocation);
        assertThat(owners).doesNotContain(-1);
        assertThat(allocation).extracting(Allocation::size).containsOnly(2000);
    }

    @Test
    void refusesWeightsThatDoNotSumTo100() {
        assertThatIllegalArgumentException().isThrownBy(() -> Allocation.consecutive(List.of(50, 49)))
            .withMessageContaining("sum to 100 percent, not 99");
    }

    @Test
    void refusesNewWeightsForAnotherNumberOfVariants() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> Allocation.reweigh(Allocation.consecutive(List.of(50, 50)), List.of(40, 30, 30)))
            .withMessageContaining("for the 2 variants allocated, not for 3");
    }

    private static int moved(List<List<BucketRange>> before, List<List<BucketRange>> after) {
        int[] ownersBefore = owners(before);
        int[] ownersAfter = owners(after);
        int moved = 0;
        for (int bucket = 0; bucket < VariantAssignment.BUCKETS; bucket++) {
            if (ownersBefore[bucket] != ownersAfter[bucket]) {
                moved++;
            }
        }
        return moved;
    }

    private static int[] owners(List<List<BucketRange>> allocation) {
        int[] owners = new int[VariantAssignment.BUCKETS];
        Arrays.fill(owners, -1);
        for (int variant = 0; variant < allocation.size(); variant++) {
            for (BucketRange range : allocation.get(variant)) {
                for (int bucket = range.from(); bucket < range.to(); bucket++) {
                    assertThat(owners[bucket]).as("owner of bucket %d", bucket).isEqualTo(-1);
                    owners[bucket] = variant;
                }
            }
        }
        return owners;
    }

}
