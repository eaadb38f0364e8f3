package io.curio.inference.algebra;

import java.util.Arrays;

/**
 * The best books of one scoring, best first; equal scores rank the lower index first.
 *
 * @param items book indexes
 * @param scores their scores
 */
public record RankedItems(int[] items, float[] scores) {

    public int size() {
        return this.items.length;
    }

    /**
     * Picks the {@code count} highest scores without sorting the rest: a sorted run of the best so far, which most
     * scores leave at the first comparison with its last entry. Books given in {@code excluded} and scores that
     * are not above negative infinity (or NaN) are never picked. {@code scores} is overwritten at the excluded
     * positions.
     */
    public static RankedItems best(float[] scores, int count, int[] excluded) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive, not " + count);
        }
        for (int item : excluded) {
            scores[item] = Float.NEGATIVE_INFINITY;
        }
        int[] items = new int[Math.min(count, scores.length)];
        float[] best = new float[items.length];
        int size = 0;
        for (int item = 0; item < scores.length; item++) {
            float score = scores[item];
            if (score > Float.NEGATIVE_INFINITY && (size < items.length || score > best[size - 1])) {
                size = insert(items, best, Math.min(size + 1, items.length), item, score);
            }
        }
        return new RankedItems(Arrays.copyOf(items, size), Arrays.copyOf(best, size));
    }

    /** Puts the item into the first {@code size} slots, dropping the last one if they were full; returns size. */
    private static int insert(int[] items, float[] best, int size, int item, float score) {
        int position = size - 1;
        while (position > 0 && best[position - 1] < score) {
            items[position] = items[position - 1];
            best[position] = best[position - 1];
            position--;
        }
        items[position] = item;
        best[position] = score;
        return size;
    }

}
