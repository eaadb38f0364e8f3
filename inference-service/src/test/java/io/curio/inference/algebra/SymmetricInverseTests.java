package io.curio.inference.algebra;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SymmetricInverseTests {

    @Test
    void agreesWithACholeskyInverseInDoubleWhenTheLastBlockIsShort() {
        assertAgreesWithCholeskyInverse(300, 64, new Random(11));
    }

    @Test
    void agreesWithACholeskyInverseInDoubleWithAnOddBlock() {
        assertAgreesWithCholeskyInverse(90, 7, new Random(23));
    }

    @Test
    void givesTheIdentityWhenMultipliedByTheMatrix() {
        int n = 130;
        double[] matrix = randomPositiveDefinite(n, new Random(5));
        float[][] inverse = toFloatRows(matrix, n);

        try (ComputePool pool = new ComputePool(1)) {
            SymmetricInverse.invertInPlace(inverse, SymmetricInverse.DEFAULT_BLOCK, pool);
        }

        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double product = 0;
                for (int k = 0; k < n; k++) {
                    product += matrix[i * n + k] * inverse[k][j];
                }
                assertThat(product).as("(%d, %d)", i, j).isCloseTo((i == j) ? 1 : 0, within(1e-4));
            }
        }
    }

    private static void assertAgreesWithCholeskyInverse(int n, int block, Random random) {
        double[] matrix = randomPositiveDefinite(n, random);
        float[][] rows = toFloatRows(matrix, n);

        try (ComputePool pool = new ComputePool()) {
            SymmetricInverse.invertInPlace(rows, block, pool);
        }

        double[] expected = DenseCholesky.inverse(matrix, n);
        for (int i = 0; i < n * n; i++) {
            assertThat((double) rows[i / n][i % n]).as("(%d, %d)", i / n, i % n)
                .isCloseTo(expected[i], within(1e-5));
        }
    }

    /** AᵀA of a random sparse 0/1 matrix plus a diagonal shift, like an item Gram matrix. */
    static double[] randomPositiveDefinite(int n, Random random) {
        int rows = 4 * n;
        boolean[][] read = new boolean[rows][n];
        for (boolean[] row : read) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextInt(10) == 0;
            }
        }
        double[] gram = new double[n * n];
        for (boolean[] row : read) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; row[i] && j < n; j++) {
                    gram[i * n + j] += row[j] ? 1 : 0;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            gram[i * n + i] += 10;
        }
        return gram;
    }

    static float[][] toFloatRows(double[] matrix, int n) {
        float[][] rows = new float[n][n];
        for (int i = 0; i < n * n; i++) {
            rows[i / n][i % n] = (float) matrix[i];
        }
        return rows;
    }

}
