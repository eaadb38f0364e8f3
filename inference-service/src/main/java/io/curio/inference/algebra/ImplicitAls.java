package io.curio.inference.algebra;

import java.util.Random;

/**
 * Implicit-feedback alternating least squares (Hu, Koren, Volinsky, 2008): confidence 1 + α·r on the observed
 * books, preference 1 there and 0 elsewhere, λ on both factor matrices. Each half-iteration solves every reader
 * (then every book) against the other side's fixed factors, rows spread over the pool. A row is solved by a few
 * conjugate-gradient steps started from its previous value (Takács, Pilászy, Tikk, 2011), or exactly by Cholesky
 * when {@code conjugateGradientSteps} is 0.
 *
 * @param factors k, the length of every factor vector
 * @param iterations passes over readers then books
 * @param alpha confidence gained per unit of weight
 * @param regularization λ
 * @param conjugateGradientSteps steps per row and half-iteration; 0 for exact solves
 * @param seed seed of the initial factors
 */
public record ImplicitAls(int factors, int iterations, float alpha, float regularization, int conjugateGradientSteps,
        long seed) {

    private static final int ROWS_PER_PIECE = 128;

    private static final double INITIAL_SCALE = 0.01;

    public ImplicitAls {
        if (factors < 1 || iterations < 0 || conjugateGradientSteps < 0) {
            throw new IllegalArgumentException("factors must be positive, iterations and steps not negative, not "
                    + factors + ", " + iterations + ", " + conjugateGradientSteps);
        }
        if (!(alpha >= 0f) || !(regularization > 0f) || Float.isInfinite(alpha) || Float.isInfinite(regularization)) {
            throw new IllegalArgumentException("alpha must be finite and not negative and regularization positive, not "
                    + alpha + ", " + regularization);
        }
    }

    public FactorModel train(InteractionMatrix matrix, ComputePool pool) {
        float[][] userFactors = initial(matrix.users(), new Random(this.seed));
        float[][] itemFactors = initial(matrix.items(), new Random(~this.seed));
        for (int iteration = 0; iteration < this.iterations; iteration++) {
            solveRows(userFactors, itemFactors, matrix.userOffsets, matrix.userItems, matrix.userWeights, pool);
            solveRows(itemFactors, userFactors, matrix.itemOffsets, matrix.itemUsers, matrix.itemWeights, pool);
        }
        return new FactorModel(this, userFactors, itemFactors, FactorSolver.gram(itemFactors, this.factors, pool));
    }

    private float[][] initial(int rows, Random random) {
        float[][] factors = new float[rows][this.factors];
        for (float[] row : factors) {
            for (int f = 0; f < this.factors; f++) {
                row[f] = (float) (random.nextGaussian() * INITIAL_SCALE);
            }
        }
        return factors;
    }

    /** Every row of {@code solved} against the fixed other side; offsets, indexes and weights are its CSR rows. */
    private void solveRows(float[][] solved, float[][] fixed, int[] offsets, int[] indexes, float[] weights,
            ComputePool pool) {
        double[] gram = FactorSolver.gram(fixed, this.factors, pool);
        int rows = offsets.length - 1;
        pool.forEach((rows + ROWS_PER_PIECE - 1) / ROWS_PER_PIECE, (piece) -> {
            FactorSolver solver = new FactorSolver(fixed, gram, this.factors, this.alpha, this.regularization);
            for (int row = piece * ROWS_PER_PIECE; row < Math.min(rows, (piece + 1) * ROWS_PER_PIECE); row++) {
                solveRow(solver, solved[row], indexes, weights, offsets[row], offsets[row + 1]);
            }
        });
    }

    private void solveRow(FactorSolver solver, float[] solved, int[] indexes, float[] weights, int from, int to) {
        if (this.conjugateGradientSteps == 0) {
            solver.exact(solved, indexes, weights, from, to);
        }
        else {
            solver.conjugateGradient(solved, indexes, weights, from, to, this.conjugateGradientSteps);
        }
    }

}
