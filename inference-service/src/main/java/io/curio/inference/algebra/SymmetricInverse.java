package io.curio.inference.algebra;

/**
 * In-place inverse of a dense symmetric positive definite matrix in float, by blocked Gauss-Jordan sweeps: each
 * block of pivots turns into one rank-b update of the lower triangle, which is where all the time goes, split by
 * rows over the pool. The same n³ multiply-adds as Cholesky followed by the inverse of the factor, in one
 * kernel that keeps a panel of b × 512 floats in the L2 cache. The pivot blocks are inverted in double.
 * <p>
 * The matrix is an array of rows and the panel too, so that the inner loop indexes every array by the same
 * column: the JDK 17 JIT vectorizes that loop, and does not when the arrays are indexed with different offsets
 * (measured 40 against 4 GFLOP/s on one core).
 * <p>
 * No pivoting: the matrix must be positive definite, which a Gram matrix with a positive diagonal shift is.
 */
public final class SymmetricInverse {

    /**
     * Pivots swept at once: 64 × 512 floats of the panel make 128 KiB of L2. Blocks of 32 to 256 measured within
     * the noise of each other on 2,000 books (bench/kernels).
     */
    public static final int DEFAULT_BLOCK = 64;

    private static final int COLUMNS_PER_CHUNK = 512;

    private static final int ROWS_PER_PIECE = 16;

    private static final int TILE = 64;

    private SymmetricInverse() {
    }

    /**
     * Replaces the symmetric positive definite matrix {@code a} (n rows of n) by its inverse. Only the lower
     * triangle of {@code a} is read; the whole inverse is written.
     */
    public static void invertInPlace(float[][] a, int block, ComputePool pool) {
        int n = a.length;
        for (float[] row : a) {
            if (row.length != n) {
                throw new IllegalArgumentException("expected " + n + " × " + n + " values, got a row of " + row.length);
            }
        }
        if (block < 1) {
            throw new IllegalArgumentException("block must be positive, not " + block);
        }
        for (int k0 = 0; k0 < n; k0 += block) {
            sweep(a, k0, Math.min(n, k0 + block), pool);
        }
        negateAndMirror(a, pool);
    }

    private static void sweep(float[][] a, int k0, int k1, ComputePool pool) {
        int b = k1 - k0;
        float[][] panel = panel(a, k0, k1);
        double[] pivotInverse = DenseCholesky.inverse(pivotBlock(panel, k0, b), b);
        float[][] scaled = new float[b][a.length];
        pool.forEach(b, (t) -> scaleRow(panel, pivotInverse, b, t, scaled[t]));
        int pieces = (a.length + ROWS_PER_PIECE - 1) / ROWS_PER_PIECE;
        pool.forEach(pieces, (piece) -> updateRows(a, k0, k1, panel, scaled, piece));
        writeBack(a, k0, k1, scaled, pivotInverse);
    }

    /** Columns k0..k1 of the symmetric matrix, transposed: b rows of n, read from the lower triangle. */
    private static float[][] panel(float[][] a, int k0, int k1) {
        float[][] panel = new float[k1 - k0][a.length];
        for (int r = 0; r < a.length; r++) {
            for (int k = k0; k < k1; k++) {
                panel[k - k0][r] = (r >= k) ? a[r][k] : a[k][r];
            }
        }
        return panel;
    }

    private static double[] pivotBlock(float[][] panel, int k0, int b) {
        double[] block = new double[b * b];
        for (int s = 0; s < b; s++) {
            for (int t = 0; t < b; t++) {
                block[s * b + t] = panel[s][k0 + t];
            }
        }
        return block;
    }

    /** Row t of D·panel, D being the inverse of the pivot block. */
    private static void scaleRow(float[][] panel, double[] pivotInverse, int b, int t, float[] out) {
        for (int s = 0; s < b; s++) {
            float factor = (float) pivotInverse[t * b + s];
            float[] in = panel[s];
            for (int r = 0; r < out.length; r++) {
                out[r] += factor * in[r];
            }
        }
    }

    private static void updateRows(float[][] a, int k0, int k1, float[][] panel, float[][] scaled, int piece) {
        int first = piece * ROWS_PER_PIECE;
        int last = Math.min(a.length, first + ROWS_PER_PIECE);
        int b = k1 - k0;
        float[][] factors = new float[last - first][b];
        for (int i = first; i < last; i++) {
            for (int t = 0; t < b; t++) {
                factors[i - first][t] = scaled[t][i];
            }
        }
        for (int from = 0; from < last; from += COLUMNS_PER_CHUNK) {
            int to = Math.min(last, from + COLUMNS_PER_CHUNK);
            for (int i = Math.max(first, from); i < last; i++) {
                if (i < k0 || i >= k1) {
                    updateRowChunk(a[i], from, Math.min(to, i + 1), k0, k1, panel, factors[i - first]);
                }
            }
        }
    }

    /** Columns [from, to) of a row, less the pivot columns, minus the row's factors times the panel. */
    private static void updateRowChunk(float[] row, int from, int to, int k0, int k1, float[][] panel,
            float[] factors) {
        if (from < k0) {
            subtract(row, from, Math.min(to, k0), panel, factors);
        }
        if (to > k1) {
            subtract(row, Math.max(from, k1), to, panel, factors);
        }
    }

    private static void subtract(float[] row, int from, int to, float[][] panel, float[] factors) {
        int t = 0;
        for (; t + 3 < factors.length; t += 4) {
            subtractFour(row, from, to, panel[t], panel[t + 1], panel[t + 2], panel[t + 3], factors[t],
                    factors[t + 1], factors[t + 2], factors[t + 3]);
        }
        for (; t < factors.length; t++) {
            float f = factors[t];
            float[] p = panel[t];
            for (int j = from; j < to; j++) {
                row[j] -= f * p[j];
            }
        }
    }

    private static void subtractFour(float[] row, int from, int to, float[] p0, float[] p1, float[] p2, float[] p3,
            float f0, float f1, float f2, float f3) {
        for (int j = from; j < to; j++) {
            row[j] -= f0 * p0[j] + f1 * p1[j] + f2 * p2[j] + f3 * p3[j];
        }
    }

    private static void writeBack(float[][] a, int k0, int k1, float[][] scaled, double[] pivotInverse) {
        int b = k1 - k0;
        for (int k = k0; k < k1; k++) {
            float[] column = scaled[k - k0];
            for (int r = 0; r < k0; r++) {
                a[k][r] = column[r];
            }
            for (int r = k1; r < a.length; r++) {
                a[r][k] = column[r];
            }
            for (int s = k; s < k1; s++) {
                a[s][k] = (float) -pivotInverse[(s - k0) * b + (k - k0)];
            }
        }
    }

    /** After every sweep the lower triangle holds minus the inverse: negate it and copy it above the diagonal. */
    private static void negateAndMirror(float[][] a, ComputePool pool) {
        int tiles = (a.length + TILE - 1) / TILE;
        pool.forEach(tiles, (tile) -> {
            for (int i = tile * TILE; i < Math.min(a.length, tile * TILE + TILE); i++) {
                for (int j = 0; j <= i; j++) {
                    a[i][j] = -a[i][j];
                }
            }
        });
        pool.forEach(tiles, (tile) -> mirrorTileRow(a, tile));
    }

    private static void mirrorTileRow(float[][] a, int tile) {
        int n = a.length;
        int rowFrom = tile * TILE;
        int rowTo = Math.min(n, rowFrom + TILE);
        for (int columnFrom = rowFrom; columnFrom < n; columnFrom += TILE) {
            int columnTo = Math.min(n, columnFrom + TILE);
            for (int i = rowFrom; i < rowTo; i++) {
                for (int j = Math.max(columnFrom, i + 1); j < columnTo; j++) {
                    a[i][j] = a[j][i];
                }
            }
        }
    }

}
