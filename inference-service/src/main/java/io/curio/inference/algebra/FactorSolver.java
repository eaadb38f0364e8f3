package io.curio.inference.algebra;

/**
 * Solves the ALS least-squares problem of one row (Hu, Koren, Volinsky): with the other side's factors Y fixed,
 * (YᵀY + λI + Yᵀ(Cᵤ − I)Y)·x = YᵀCᵤ·p, where the confidence of a book with weight r is 1 + α·r and p is 1 on the
 * row's books. YᵀY is shared by all rows, so a row costs work in proportion to its own books only. One instance
 * per thread: it holds the scratch vectors.
 */
final class FactorSolver {

    private final float[][] fixed;

    private final double[] gram;

    private final float[][] gramRows;

    private final int k;

    private final float alpha;

    private final float regularization;

    private final float[] residual;

    private final float[] direction;

    private final float[] product;

    FactorSolver(float[][] fixed, double[] gram, int k, float alpha, float regularization) {
        this.fixed = fixed;
        this.gram = gram;
        this.k = k;
        this.alpha = alpha;
        this.regularization = regularization;
        this.gramRows = new float[k][k];
        for (int i = 0; i < k * k; i++) {
            this.gramRows[i / k][i % k] = (float) gram[i];
        }
        this.residual = new float[k];
        this.direction = new float[k];
        this.product = new float[k];
    }

    /** YᵀY of the factor rows (k each), row-major, summed in double; pieces of rows run on the pool. */
    static double[] gram(float[][] factors, int k, ComputePool pool) {
        int rows = factors.length;
        int pieces = pool.threads();
        double[][] partial = new double[pieces][k * k];
        pool.forEach(pieces, (piece) -> {
            for (int row = rows * piece / pieces; row < rows * (piece + 1) / pieces; row++) {
                addOuterProduct(partial[piece], factors[row]);
            }
        });
        double[] gram = partial[0];
        for (int piece = 1; piece < pieces; piece++) {
            for (int i = 0; i < gram.length; i++) {
                gram[i] += partial[piece][i];
            }
        }
        return gram;
    }

    /**
     * Improves x by {@code steps} conjugate-gradient steps from its current value; the row's books are
     * {@code indexes[from..to)} with {@code weights}.
     */
    void conjugateGradient(float[] x, int[] indexes, float[] weights, int from, int to, int steps) {
        multiply(x, indexes, weights, from, to, this.product);
        for (int a = 0; a < this.k; a++) {
            this.residual[a] = -this.product[a];
        }
        for (int c = from; c < to; c++) {
            addScaled(this.residual, 1f + this.alpha * weights[c], this.fixed[indexes[c]]);
        }
        System.arraycopy(this.residual, 0, this.direction, 0, this.k);
        float norm = dot(this.residual, this.residual);
        for (int step = 0; step < steps && norm > 1e-12f; step++) {
            multiply(this.direction, indexes, weights, from, to, this.product);
            float length = norm / dot(this.direction, this.product);
            addScaled(x, length, this.direction);
            addScaled(this.residual, -length, this.product);
            float next = dot(this.residual, this.residual);
            for (int a = 0; a < this.k; a++) {
                this.direction[a] = this.residual[a] + (next / norm) * this.direction[a];
            }
            norm = next;
        }
    }

    /** Solves the row's system exactly by Cholesky in double and writes it to x. */
    void exact(float[] x, int[] indexes, float[] weights, int from, int to) {
        double[] system = this.gram.clone();
        double[] rightSide = new double[this.k];
        for (int a = 0; a < this.k; a++) {
            system[a * this.k + a] += this.regularization;
        }
        for (int c = from; c < to; c++) {
            float confidence = 1f + this.alpha * weights[c];
            float[] y = this.fixed[indexes[c]];
            for (int a = 0; a < this.k; a++) {
                rightSide[a] += confidence * y[a];
                double scale = (confidence - 1f) * y[a];
                for (int b = 0; b < this.k; b++) {
                    system[a * this.k + b] += scale * y[b];
                }
            }
        }
        DenseCholesky.factor(system, this.k);
        DenseCholesky.solve(system, this.k, rightSide);
        for (int a = 0; a < this.k; a++) {
            x[a] = (float) rightSide[a];
        }
    }

    /** out = (YᵀY + λI + Yᵀ(Cᵤ − I)Y)·v. */
    private void multiply(float[] v, int[] indexes, float[] weights, int from, int to, float[] out) {
        for (int a = 0; a < this.k; a++) {
            out[a] = this.regularization * v[a];
        }
        for (int a = 0; a < this.k; a++) {
            addScaled(out, v[a], this.gramRows[a]);
        }
        for (int c = from; c < to; c++) {
            float[] y = this.fixed[indexes[c]];
            addScaled(out, this.alpha * weights[c] * dot(y, v), y);
        }
    }

    private static void addOuterProduct(double[] sum, float[] factors) {
        int k = factors.length;
        for (int a = 0; a < k; a++) {
            double scale = factors[a];
            int out = a * k;
            for (int b = 0; b < k; b++) {
                sum[out + b] += scale * factors[b];
            }
        }
    }

    /** Dot product in four partial sums, so that the additions do not wait on each other. */
    private static float dot(float[] u, float[] v) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int a = 0;
        for (; a + 3 < u.length; a += 4) {
            s0 += u[a] * v[a];
            s1 += u[a + 1] * v[a + 1];
            s2 += u[a + 2] * v[a + 2];
            s3 += u[a + 3] * v[a + 3];
        }
        for (; a < u.length; a++) {
            s0 += u[a] * v[a];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static void addScaled(float[] out, float scale, float[] v) {
        for (int a = 0; a < out.length; a++) {
            out[a] += scale * v[a];
        }
    }

}
