package io.curio.inference.model;

import java.util.Arrays;

/**
 * The books a reader liked, as indexes into one model's {@link BookIndex}, each with its signal; books the
 * model does not know are left out.
 *
 * @param books book indexes, distinct
 * @param signals the signal of each book
 */
public record ReaderBooks(int[] books, Signal[] signals) {

    public static final ReaderBooks NONE = new ReaderBooks(new int[0], new Signal[0]);

    public ReaderBooks {
        if (books.length != signals.length) {
            throw new IllegalArgumentException(books.length + " books but " + signals.length + " signals");
        }
    }

    public int size() {
        return this.books.length;
    }

    public boolean isEmpty() {
        return this.books.length == 0;
    }

    /** The books with a non-zero weight and those weights. */
    public Weighted weighted(SignalWeights weights) {
        int[] kept = new int[this.books.length];
        float[] values = new float[this.books.length];
        int size = 0;
        for (int i = 0; i < this.books.length; i++) {
            float weight = weights.weight(this.signals[i]);
            if (weight > 0f) {
                kept[size] = this.books[i];
                values[size++] = weight;
            }
        }
        return new Weighted(Arrays.copyOf(kept, size), Arrays.copyOf(values, size));
    }

    /**
     * Books with their weights.
     *
     * @param books book indexes
     * @param weights their weights, all positive
     */
    public record Weighted(int[] books, float[] weights) {

        public int size() {
            return this.books.length;
        }

    }

}
