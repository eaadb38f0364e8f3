package io.curio.inference.training;

import java.time.Duration;

/**
 * Time-decayed popularity: per book, the sum over its distinct readers of {@code 0.5^(age / halfLife)},
 * the age being that of the reader's latest positive interaction, relative to the newest event read.
 */
public final class PopularityTraining {

    private final Duration halfLife;

    public PopularityTraining(Duration halfLife) {
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("half-life must be positive, not " + halfLife);
        }
        this.halfLife = halfLife;
    }

    public float[] scores(Interactions interactions) {
        double halfLifeSeconds = this.halfLife.toSeconds();
        long newestRelative = interactions.newestSecond() - interactions.firstSecond();
        float[] scores = new float[interactions.books()];
        int[] books = interactions.userBooks();
        int[] seconds = interactions.userSeconds();
        for (int i = 0; i < books.length; i++) {
            double age = Math.max(0, newestRelative - seconds[i]);
            scores[books[i]] += (float) Math.pow(0.5, age / halfLifeSeconds);
        }
        return scores;
    }

}
