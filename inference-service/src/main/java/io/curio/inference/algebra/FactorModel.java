package io.curio.inference.algebra;

/**
 * Reader and book factors from {@link ImplicitAls}. A known reader is scored by one product with every book's
 * factors; a reader the model has not seen is first folded in: one exact least-squares solve against the book
 * factors, as a training iteration would do. The book factors are also kept factor by factor (k rows over the
 * catalogue) so that scoring runs in loops the JIT vectorizes. Thread-safe.
 */
public final class FactorModel {

    private final ImplicitAls settings;

    private final float[][] userFactors;

    private final float[][] itemFactors;

    private final float[][] itemFactorsByFactor;

    private final double[] itemGram;

    FactorModel(ImplicitAls settings, float[][] userFactors, float[][] itemFactors, double[] itemGram) {
        this.settings = settings;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.itemGram = itemGram;
        this.itemFactorsByFactor = new float[settings.factors()][itemFactors.length];
        for (int item = 0; item < itemFactors.length; item++) {
            for (int f = 0; f < settings.factors(); f++) {
                this.itemFactorsByFactor[f][item] = itemFactors[item][f];
            }
        }
    }

    /**
     * A model of book factors alone, as it is served: every reader is folded in from their history.
     *
     * @param itemFactors the factors of every book, {@code settings.factors()} each
     */
    public static FactorModel ofItemFactors(ImplicitAls settings, float[][] itemFactors, ComputePool pool) {
        for (float[] item : itemFactors) {
            if (item.length != settings.factors()) {
                throw new IllegalArgumentException("every book needs " + settings.factors() + " factors, not "
                        + item.length);
            }
        }
        return new FactorModel(settings, new float[0][], itemFactors,
                FactorSolver.gram(itemFactors, settings.factors(), pool));
    }

    /** The settings the factors were trained with. */
    public ImplicitAls settings() {
        return this.settings;
    }

    /** The book factors themselves, shared: callers must not write to them. */
    public float[][] itemFactorsShared() {
        return this.itemFactors;
    }

    public int users() {
        return this.userFactors.length;
    }

    public int items() {
        return this.itemFactors.length;
    }

    public int factors() {
        return this.settings.factors();
    }

    /** A copy of a reader's factors. */
    public float[] userFactors(int user) {
        return this.userFactors[user].clone();
    }

    /** A copy of a book's factors. */
    public float[] itemFactors(int item) {
        return this.itemFactors[item].clone();
    }

    /** Bytes of factor values (the book factors twice) and of the book Gram matrix, without array headers. */
    public long bytes() {
        return 4L * factors() * (users() + 2L * items()) + 8L * this.itemGram.length;
    }

    /** The {@code count} best books for a known reader, none of {@code excluded} included. */
    public RankedItems recommend(int user, int[] excluded, int count) {
        return recommend(this.userFactors[user], excluded, count);
    }

    /** The {@code count} best books for a reader with the given factors, none of {@code excluded} included. */
    public RankedItems recommend(float[] user, int[] excluded, int count) {
        float[] scores = new float[items()];
        addScores(user, scores);
        return RankedItems.best(scores, count, excluded);
    }

    /** Adds the product of a reader's factors with every book's factors to {@code scores}. */
    public void addScores(float[] user, float[] scores) {
        if (user.length != factors()) {
            throw new IllegalArgumentException("expected " + factors() + " factors, got " + user.length);
        }
        int f = 0;
        for (; f + 3 < user.length; f += 4) {
            addFourFactors(scores, user, f);
        }
        for (; f < user.length; f++) {
            float x = user[f];
            float[] y = this.itemFactorsByFactor[f];
            for (int j = 0; j < scores.length; j++) {
                scores[j] += x * y[j];
            }
        }
    }

    /** The factors of a reader who is not in the model, from their books and weights alone. */
    public float[] foldIn(int[] items, float[] weights) {
        if (items.length != weights.length) {
            throw new IllegalArgumentException(items.length + " books but " + weights.length + " weights");
        }
        float[] user = new float[factors()];
        new FactorSolver(this.itemFactors, this.itemGram, factors(), this.settings.alpha(),
                this.settings.regularization()).exact(user, items, weights, 0, items.length);
        return user;
    }

    private void addFourFactors(float[] scores, float[] user, int f) {
        float x0 = user[f];
        float x1 = user[f + 1];
        float x2 = user[f + 2];
        float x3 = user[f + 3];
        float[] y0 = this.itemFactorsByFactor[f];
        float[] y1 = this.itemFactorsByFactor[f + 1];
        float[] y2 = this.itemFactorsByFactor[f + 2];
        float[] y3 = this.itemFactorsByFactor[f + 3];
        for (int j = 0; j < scores.length; j++) {
            scores[j] += x0 * y0[j] + x1 * y1[j] + x2 * y2[j] + x3 * y3[j];
        }
    }

}
