package io.curio.inference.algebra;

import java.util.Arrays;

/**
 * A sparse reader × book matrix of positive weights, held twice: by reader (CSR) and by book (CSC). Within a
 * row the books are ascending, within a column the readers are. Immutable; the arrays are shared with the
 * kernels of this package and never written after construction.
 */
public final class InteractionMatrix {

    private final int users;

    private final int items;

    final int[] userOffsets;

    final int[] userItems;

    final float[] userWeights;

    final int[] itemOffsets;

    final int[] itemUsers;

    final float[] itemWeights;

    private InteractionMatrix(int users, int items, int[] userOffsets, int[] userItems, float[] userWeights) {
        this.users = users;
        this.items = items;
        this.userOffsets = userOffsets;
        this.userItems = userItems;
        this.userWeights = userWeights;
        this.itemOffsets = new int[items + 1];
        this.itemUsers = new int[userItems.length];
        this.itemWeights = new float[userItems.length];
        transpose();
    }

    /**
     * Builds the matrix from (reader index, book index, weight) triples. A (reader, book) pair given more than
     * once keeps its largest weight.
     */
    public static InteractionMatrix of(int users, int items, int[] userIndexes, int[] itemIndexes, float[] weights) {
        checkTriples(users, items, userIndexes, itemIndexes, weights);
        int[] offsets = new int[users + 1];
        for (int user : userIndexes) {
            offsets[user + 1]++;
        }
        runningSum(offsets);
        long[] packed = new long[userIndexes.length];
        int[] filled = Arrays.copyOf(offsets, users);
        for (int t = 0; t < userIndexes.length; t++) {
            packed[filled[userIndexes[t]]++] = pack(itemIndexes[t], weights[t]);
        }
        return merged(users, items, offsets, packed);
    }

    public int users() {
        return this.users;
    }

    public int items() {
        return this.items;
    }

    public int nonZeros() {
        return this.userItems.length;
    }

    /** The books of a reader, ascending. */
    public int[] itemsOf(int user) {
        return Arrays.copyOfRange(this.userItems, this.userOffsets[user], this.userOffsets[user + 1]);
    }

    /** The weights of a reader's books, in the order of {@link #itemsOf(int)}. */
    public float[] weightsOf(int user) {
        return Arrays.copyOfRange(this.userWeights, this.userOffsets[user], this.userOffsets[user + 1]);
    }

    /** How many readers have a weight for the book. */
    public int usersOf(int item) {
        return this.itemOffsets[item + 1] - this.itemOffsets[item];
    }

    private static void checkTriples(int users, int items, int[] userIndexes, int[] itemIndexes, float[] weights) {
        if (users < 1 || items < 1) {
            throw new IllegalArgumentException("a matrix needs readers and books, not " + users + " × " + items);
        }
        if (userIndexes.length != itemIndexes.length || userIndexes.length != weights.length) {
            throw new IllegalArgumentException("triples of unequal length: " + userIndexes.length + ", "
                    + itemIndexes.length + ", " + weights.length);
        }
        for (int t = 0; t < userIndexes.length; t++) {
            checkTriple(users, items, userIndexes[t], itemIndexes[t], weights[t]);
        }
    }

    private static void checkTriple(int users, int items, int user, int item, float weight) {
        if (user < 0 || user >= users || item < 0 || item >= items) {
            throw new IllegalArgumentException("(" + user + ", " + item + ") is outside " + users + " × " + items);
        }
        if (!(weight > 0f) || Float.isInfinite(weight)) {
            throw new IllegalArgumentException("weight of (" + user + ", " + item + ") must be positive, not "
                    + weight);
        }
    }

    private static InteractionMatrix merged(int users, int items, int[] offsets, long[] packed) {
        int[] mergedOffsets = new int[users + 1];
        int[] mergedItems = new int[packed.length];
        float[] mergedWeights = new float[packed.length];
        int size = 0;
        for (int user = 0; user < users; user++) {
            Arrays.sort(packed, offsets[user], offsets[user + 1]);
            for (int t = offsets[user]; t < offsets[user + 1]; t++) {
                int item = (int) (packed[t] >>> 32);
                float weight = Float.intBitsToFloat((int) packed[t]);
                if (size > mergedOffsets[user] && mergedItems[size - 1] == item) {
                    mergedWeights[size - 1] = Math.max(mergedWeights[size - 1], weight);
                    continue;
                }
                mergedItems[size] = item;
                mergedWeights[size++] = weight;
            }
            mergedOffsets[user + 1] = size;
        }
        return new InteractionMatrix(users, items, mergedOffsets, Arrays.copyOf(mergedItems, size),
                Arrays.copyOf(mergedWeights, size));
    }

    private static void runningSum(int[] counts) {
        for (int i = 1; i < counts.length; i++) {
            counts[i] += counts[i - 1];
        }
    }

    private static long pack(int item, float weight) {
        return ((long) item << 32) | (Float.floatToRawIntBits(weight) & 0xFFFF_FFFFL);
    }

    private void transpose() {
        for (int item : this.userItems) {
            this.itemOffsets[item + 1]++;
        }
        runningSum(this.itemOffsets);
        int[] filled = Arrays.copyOf(this.itemOffsets, this.items);
        for (int user = 0; user < this.users; user++) {
            for (int t = this.userOffsets[user]; t < this.userOffsets[user + 1]; t++) {
                int position = filled[this.userItems[t]]++;
                this.itemUsers[position] = user;
                this.itemWeights[position] = this.userWeights[t];
            }
        }
    }

}
