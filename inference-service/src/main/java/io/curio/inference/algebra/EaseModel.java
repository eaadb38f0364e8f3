package io.curio.inference.algebra;

import java.util.Arrays;

/**
 * A trained EASE model: dense book × book weights over the modelled books. A reader's score for a book is the
 * sum of the rows of the books they read. Books outside the modelled set are neither scored nor used as input.
 * Thread-safe: scoring allocates its own scratch.
 */
public final class EaseModel {

    private final int catalogue;

    private final int[] modelled;

    private final int[] position;

    private final float[][] weights;

    EaseModel(int catalogue, int[] modelled, float[][] weights) {
        this.catalogue = catalogue;
        this.modelled = modelled;
        this.weights = weights;
        this.position = new int[catalogue];
        Arrays.fill(this.position, -1);
        for (int i = 0; i < modelled.length; i++) {
            this.position[modelled[i]] = i;
        }
    }

    /** Books of the catalogue the model was trained on. */
    public int catalogue() {
        return this.catalogue;
    }

    /** How many books have weights. */
    public int modelledItems() {
        return this.modelled.length;
    }

    /** The weight B[from][to] between two catalogue books, 0 when either is not modelled. */
    public float weight(int from, int to) {
        int i = this.position[from];
        int j = this.position[to];
        return (i < 0 || j < 0) ? 0f : this.weights[i][j];
    }

    /** Bytes held by the weights and the index arrays. */
    public long bytes() {
        return 4L * ((long) this.modelled.length * this.modelled.length + this.modelled.length + this.position.length);
    }

    /** The {@code count} best catalogue books for a reader who read {@code read}, none of {@code read} included. */
    public RankedItems recommend(int[] read, int count) {
        int n = this.modelled.length;
        float[] scores = new float[n];
        int[] inputs = modelledPositions(read);
        for (int i : inputs) {
            float[] row = this.weights[i];
            for (int j = 0; j < n; j++) {
                scores[j] += row[j];
            }
        }
        RankedItems local = RankedItems.best(scores, count, inputs);
        int[] items = new int[local.size()];
        for (int r = 0; r < items.length; r++) {
            items[r] = this.modelled[local.items()[r]];
        }
        return new RankedItems(items, local.scores());
    }

    /**
     * Each catalogue book's {@code k} largest positive weights towards other books, best first, in a CSR layout
     * over the whole catalogue; books that are not modelled have none.
     */
    public SparseRows strongestWeights(int k, ComputePool pool) {
        int n = this.modelled.length;
        RankedItems[] rows = new RankedItems[n];
        pool.forEach(n, (i) -> {
            float[] row = this.weights[i].clone();
            for (int j = 0; j < n; j++) {
                if (!(row[j] > 0f)) {
                    row[j] = Float.NEGATIVE_INFINITY;
                }
            }
            rows[i] = RankedItems.best(row, k, new int[] { i });
        });
        int[] offsets = new int[this.catalogue + 1];
        for (int item = 0; item < this.catalogue; item++) {
            int i = this.position[item];
            offsets[item + 1] = offsets[item] + ((i >= 0) ? rows[i].size() : 0);
        }
        int[] targets = new int[offsets[this.catalogue]];
        float[] values = new float[targets.length];
        for (int item = 0; item < this.catalogue; item++) {
            int i = this.position[item];
            if (i >= 0) {
                for (int r = 0; r < rows[i].size(); r++) {
                    targets[offsets[item] + r] = this.modelled[rows[i].items()[r]];
                    values[offsets[item] + r] = rows[i].scores()[r];
                }
            }
        }
        return new SparseRows(offsets, targets, values);
    }

    /**
     * Weights kept per book.
     *
     * @param offsets start of each book's row; one more entry than books
     * @param items the books each row points to, best first
     * @param weights their weights
     */
    public record SparseRows(int[] offsets, int[] items, float[] weights) {
    }

    private int[] modelledPositions(int[] read) {
        return Arrays.stream(read).map((item) -> this.position[item]).filter((i) -> i >= 0).toArray();
    }

}
