package io.curio.inference.algebra;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * EASE (Steck, 2019): B = I − P·diag(1/diag(P)) with P = (XᵀX + λI)⁻¹, diagonal of B zero. X is the reader ×
 * book matrix restricted to the most read books when the catalogue is larger than {@code maxItems}, because
 * the inverse costs n³ multiply-adds and n² floats.
 *
 * @param regularization λ added to the diagonal of the Gram matrix
 * @param maxItems largest number of books modelled; the most read ones are kept
 * @param block pivots per sweep of the inverse
 */
public record Ease(float regularization, int maxItems, int block) {

    public Ease {
        if (!(regularization > 0f) || Float.isInfinite(regularization)) {
            throw new IllegalArgumentException("regularization must be positive, not " + regularization);
        }
        if (maxItems < 1 || maxItems > 46_340) {
            throw new IllegalArgumentException("maxItems must be within 1..46340, not " + maxItems);
        }
        if (block < 1) {
            throw new IllegalArgumentException("block must be positive, not " + block);
        }
    }

    public Ease(float regularization, int maxItems) {
        this(regularization, maxItems, SymmetricInverse.DEFAULT_BLOCK);
    }

    public EaseModel train(InteractionMatrix matrix, ComputePool pool) {
        int[] modelled = mostRead(matrix, this.maxItems);
        float[][] weights = gram(matrix, modelled, pool);
        for (int i = 0; i < weights.length; i++) {
            weights[i][i] += this.regularization;
        }
        SymmetricInverse.invertInPlace(weights, this.block, pool);
        toWeights(weights, pool);
        return new EaseModel(matrix.items(), modelled, weights);
    }

    /** The {@code limit} books with the most readers (ties: lower index), ascending. */
    static int[] mostRead(InteractionMatrix matrix, int limit) {
        if (matrix.items() <= limit) {
            return IntStream.range(0, matrix.items()).toArray();
        }
        return IntStream.range(0, matrix.items())
            .boxed()
            .sorted(Comparator.comparingInt(matrix::usersOf).reversed().thenComparingInt((item) -> item))
            .limit(limit)
            .mapToInt(Integer::intValue)
            .sorted()
            .toArray();
    }

    /** XᵀX over the given books; each thread fills whole rows, reading the readers of that row's book. */
    static float[][] gram(InteractionMatrix matrix, int[] modelled, ComputePool pool) {
        int n = modelled.length;
        int[] position = new int[matrix.items()];
        Arrays.fill(position, -1);
        for (int i = 0; i < n; i++) {
            position[modelled[i]] = i;
        }
        float[][] gram = new float[n][n];
        pool.forEach(n, (row) -> gramRow(matrix, modelled[row], position, gram[row]));
        return gram;
    }

    private static void gramRow(InteractionMatrix matrix, int item, int[] position, float[] row) {
        for (int c = matrix.itemOffsets[item]; c < matrix.itemOffsets[item + 1]; c++) {
            int user = matrix.itemUsers[c];
            float weight = matrix.itemWeights[c];
            for (int r = matrix.userOffsets[user]; r < matrix.userOffsets[user + 1]; r++) {
                int column = position[matrix.userItems[r]];
                if (column >= 0) {
                    row[column] += weight * matrix.userWeights[r];
                }
            }
        }
    }

    /** P in place to B: B[i][j] = −P[i][j] / P[j][j], zero diagonal. */
    private static void toWeights(float[][] p, ComputePool pool) {
        int n = p.length;
        float[] scale = new float[n];
        for (int j = 0; j < n; j++) {
            scale[j] = -1f / p[j][j];
        }
        pool.forEach(n, (i) -> {
            float[] row = p[i];
            for (int j = 0; j < n; j++) {
                row[j] *= scale[j];
            }
            row[i] = 0f;
        });
    }

}
