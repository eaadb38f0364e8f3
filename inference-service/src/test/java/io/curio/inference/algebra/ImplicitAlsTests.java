package io.curio.inference.algebra;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ImplicitAlsTests {

    private final ComputePool pool = new ComputePool(2);

    private final InteractionMatrix matrix = randomMatrix(120, 60, new Random(17));

    @AfterEach
    void closePool() {
        this.pool.close();
    }

    @Test
    void exactSolvesNeverIncreaseTheLoss() {
        double[] losses = new double[6];
        for (int iterations = 0; iterations < losses.length; iterations++) {
            losses[iterations] = loss(new ImplicitAls(8, iterations, 4f, 0.5f, 0, 1L).train(this.matrix, this.pool));
        }

        for (int i = 1; i < losses.length; i++) {
            assertThat(losses[i]).as("loss after %d iterations", i).isLessThanOrEqualTo(losses[i - 1] * (1 + 1e-6));
        }
        assertThat(losses[5]).isLessThan(losses[0] * 0.5);
    }

    @Test
    void conjugateGradientReachesTheLossOfExactSolves() {
        double exact = loss(new ImplicitAls(8, 10, 4f, 0.5f, 0, 1L).train(this.matrix, this.pool));

        double gradient = loss(new ImplicitAls(8, 10, 4f, 0.5f, 3, 1L).train(this.matrix, this.pool));

        assertThat(gradient).isCloseTo(exact, within(exact * 0.02));
    }

    @Test
    void conjugateGradientWithAStepPerFactorAgreesWithTheExactSolve() {
        int k = 8;
        float[][] fixed = randomFactors(60, k, new Random(2));
        double[] gram = FactorSolver.gram(fixed, k, this.pool);
        FactorSolver solver = new FactorSolver(fixed, gram, k, 4f, 0.5f);
        int[] books = { 3, 9, 14, 40, 59 };
        float[] weights = { 1f, 2f, 1f, 0.5f, 1f };
        float[] exact = new float[k];
        float[] gradient = new float[k];

        solver.exact(exact, books, weights, 0, books.length);
        solver.conjugateGradient(gradient, books, weights, 0, books.length, k);

        for (int f = 0; f < k; f++) {
            assertThat(gradient[f]).as("factor %d", f).isCloseTo(exact[f], within(1e-3f));
        }
    }

    @Test
    void foldingInAKnownReaderGivesFactorsCloseToTheTrainedOnes() {
        ImplicitAls als = new ImplicitAls(8, 15, 4f, 0.5f, 0, 1L);
        FactorModel model = als.train(this.matrix, this.pool);

        float[] folded = model.foldIn(this.matrix.itemsOf(7), this.matrix.weightsOf(7));

        float[] trained = model.userFactors(7);
        for (int f = 0; f < folded.length; f++) {
            assertThat(folded[f]).as("factor %d", f).isCloseTo(trained[f], within(0.02f));
        }
    }

    @Test
    void recommendsTheBestUnreadBooksByTheProductOfFactors() {
        FactorModel model = new ImplicitAls(8, 5, 4f, 0.5f, 3, 1L).train(this.matrix, this.pool);
        int[] read = this.matrix.itemsOf(3);

        RankedItems ranked = model.recommend(3, read, 10);

        assertThat(ranked.items()).hasSize(10).doesNotContain(read);
        assertThat(ranked.scores()[0]).isCloseTo(score(model, 3, ranked.items()[0]), within(1e-5f));
        assertThat(ranked.scores()).isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }

    /** Σ over every (reader, book) of c·(p − x·y)² plus λ times the squared norms of all factors. */
    private double loss(FactorModel model) {
        double sum = 0;
        for (int user = 0; user < model.users(); user++) {
            int[] read = this.matrix.itemsOf(user);
            float[] weights = this.matrix.weightsOf(user);
            for (int item = 0; item < model.items(); item++) {
                int position = Arrays.binarySearch(read, item);
                double confidence = (position >= 0) ? 1 + 4 * weights[position] : 1;
                double error = ((position >= 0) ? 1 : 0) - score(model, user, item);
                sum += confidence * error * error;
            }
            sum += 0.5 * squaredNorm(model.userFactors(user));
        }
        for (int item = 0; item < model.items(); item++) {
            sum += 0.5 * squaredNorm(model.itemFactors(item));
        }
        return sum;
    }

    private static float score(FactorModel model, int user, int item) {
        float[] x = model.userFactors(user);
        float[] y = model.itemFactors(item);
        float score = 0;
        for (int f = 0; f < x.length; f++) {
            score += x[f] * y[f];
        }
        return score;
    }

    private static double squaredNorm(float[] factors) {
        double sum = 0;
        for (float value : factors) {
            sum += value * value;
        }
        return sum;
    }

    private static float[][] randomFactors(int rows, int k, Random random) {
        float[][] factors = new float[rows][k];
        for (float[] row : factors) {
            for (int f = 0; f < k; f++) {
                row[f] = (float) random.nextGaussian() * 0.3f;
            }
        }
        return factors;
    }

    /** Readers who read mostly within one of three groups of books, so that factors have something to find. */
    private static InteractionMatrix randomMatrix(int users, int items, Random random) {
        int[] userIndexes = new int[users * 8];
        int[] itemIndexes = new int[users * 8];
        float[] weights = new float[users * 8];
        for (int t = 0; t < userIndexes.length; t++) {
            int user = t / 8;
            int group = user % 3;
            userIndexes[t] = user;
            itemIndexes[t] = (random.nextInt(5) == 0) ? random.nextInt(items) : group * 20 + random.nextInt(20);
            weights[t] = 1 + random.nextInt(2);
        }
        return InteractionMatrix.of(users, items, userIndexes, itemIndexes, weights);
    }

}
