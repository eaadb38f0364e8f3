package io.curio.inference.algebra;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RankedItemsTests {

    @Test
    void picksTheSameBooksAsAFullSortWithTiesToTheLowerIndex() {
        Random random = new Random(3);
        float[] scores = new float[10_000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextInt(500) / 10f;
        }
        int[] sorted = IntStream.range(0, scores.length)
            .boxed()
            .sorted(Comparator.<Integer>comparingDouble((i) -> -scores[i]).thenComparingInt((i) -> i))
            .mapToInt(Integer::intValue)
            .toArray();

        RankedItems best = RankedItems.best(scores.clone(), 25, new int[0]);

        assertThat(best.items()).containsExactly(Arrays.copyOf(sorted, 25));
        assertThat(best.scores()[0]).isEqualTo(scores[sorted[0]]);
        assertThat(best.scores()[24]).isEqualTo(scores[sorted[24]]);
    }

    @Test
    void leavesOutExcludedBooksAndScoresOfNegativeInfinity() {
        float[] scores = { 5f, 4f, Float.NEGATIVE_INFINITY, 3f, Float.NaN, 1f };

        RankedItems best = RankedItems.best(scores, 10, new int[] { 0 });

        assertThat(best.items()).containsExactly(1, 3, 5);
        assertThat(best.scores()).containsExactly(4f, 3f, 1f);
    }

    @Test
    void rejectsANonPositiveCount() {
        assertThatIllegalArgumentException().isThrownBy(() -> RankedItems.best(new float[3], 0, new int[0]))
            .withMessageContaining("0");
    }

}
