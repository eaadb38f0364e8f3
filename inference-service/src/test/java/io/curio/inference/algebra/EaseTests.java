package io.curio.inference.algebra;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EaseTests {

    private static final int[][] READ = { { 0, 1, 2 }, { 0, 2 }, { 1, 3 }, { 0, 1, 4 }, { 2, 3, 4 }, { 0, 4 } };

    private final ComputePool pool = new ComputePool(2);

    @AfterEach
    void closePool() {
        this.pool.close();
    }

    @Test
    void weightsMatchTheClosedFormFromADirectInverse() {
        InteractionMatrix matrix = matrixOf(READ, 5);

        EaseModel model = new Ease(2f, 10, 2).train(matrix, this.pool);

        double[] p = DenseCholesky.inverse(gramPlusDiagonal(READ, 5, 2), 5);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                double expected = (i == j) ? 0 : -p[i * 5 + j] / p[j * 5 + j];
                assertThat((double) model.weight(i, j)).as("B(%d, %d)", i, j).isCloseTo(expected, within(1e-6));
            }
        }
    }

    @Test
    void scoresASetOfBooksByTheSumOfTheirRowsWithoutTheBooksThemselves() {
        EaseModel model = new Ease(2f, 10).train(matrixOf(READ, 5), this.pool);

        RankedItems ranked = model.recommend(new int[] { 0, 3 }, 5);

        assertThat(ranked.items()).containsExactlyInAnyOrder(1, 2, 4);
        for (int r = 0; r < ranked.size(); r++) {
            int item = ranked.items()[r];
            assertThat(ranked.scores()[r]).isEqualTo(model.weight(0, item) + model.weight(3, item));
        }
        assertThat(ranked.scores()).isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }

    @Test
    void keepsOnlyTheMostReadBooksWhenTheCatalogueIsLarger() {
        EaseModel model = new Ease(2f, 3).train(matrixOf(READ, 5), this.pool);

        assertThat(model.modelledItems()).isEqualTo(3);
        assertThat(model.weight(0, 1)).isNotZero();
        assertThat(model.weight(0, 3)).isZero();
        assertThat(model.recommend(new int[] { 3, 0 }, 5).items()).containsExactlyInAnyOrder(1, 2);
        assertThat(model.bytes()).isEqualTo(4L * (9 + 3 + 5));
    }

    static InteractionMatrix matrixOf(int[][] read, int items) {
        int[] users = IntStream.range(0, read.length).flatMap((u) -> IntStream.range(0, read[u].length).map((i) -> u))
            .toArray();
        int[] books = Arrays.stream(read).flatMapToInt(Arrays::stream).toArray();
        float[] weights = new float[books.length];
        Arrays.fill(weights, 1f);
        return InteractionMatrix.of(read.length, items, users, books, weights);
    }

    private static double[] gramPlusDiagonal(int[][] read, int n, double lambda) {
        double[] gram = new double[n * n];
        for (int[] row : read) {
            for (int i : row) {
                for (int j : row) {
                    gram[i * n + j]++;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            gram[i * n + i] += lambda;
        }
        return gram;
    }

}
