package io.curio.inference.algebra;

import java.util.Arrays;
import java.util.Random;

/**
 * A seeded split for a quick sanity check: {@code evaluated} readers with at least five books each lose a fifth of
 * their books (at least one) to a held-out set; everything else is training data.
 */
record HeldOutSplit(InteractionMatrix training, int[] evaluatedUsers, int[][] heldOut) {

    private static final int MIN_BOOKS = 5;

    static HeldOutSplit of(InteractionMatrix all, int evaluated, long seed) {
        Random random = new Random(seed);
        int[] users = pickUsers(all, evaluated, random);
        int[][] heldOut = new int[all.users()][];
        for (int user : users) {
            int[] books = all.itemsOf(user);
            shuffle(books, random);
            heldOut[user] = Arrays.copyOf(books, Math.max(1, Math.round(books.length * 0.2f)));
            Arrays.sort(heldOut[user]);
        }
        int[][] evaluatedHeldOut = Arrays.stream(users).mapToObj((user) -> heldOut[user]).toArray(int[][]::new);
        return new HeldOutSplit(withoutHeldOut(all, heldOut), users, evaluatedHeldOut);
    }

    private static int[] pickUsers(InteractionMatrix all, int evaluated, Random random) {
        int[] eligible = java.util.stream.IntStream.range(0, all.users())
            .filter((user) -> all.itemsOf(user).length >= MIN_BOOKS)
            .toArray();
        shuffle(eligible, random);
        return Arrays.copyOf(eligible, Math.min(evaluated, eligible.length));
    }

    private static InteractionMatrix withoutHeldOut(InteractionMatrix all, int[][] heldOut) {
        int[] users = new int[all.nonZeros()];
        int[] items = new int[all.nonZeros()];
        float[] weights = new float[all.nonZeros()];
        int size = 0;
        for (int user = 0; user < all.users(); user++) {
            for (int t = all.userOffsets[user]; t < all.userOffsets[user + 1]; t++) {
                int item = all.userItems[t];
                if (heldOut[user] == null || Arrays.binarySearch(heldOut[user], item) < 0) {
                    users[size] = user;
                    items[size] = item;
                    weights[size++] = all.userWeights[t];
                }
            }
        }
        return InteractionMatrix.of(all.users(), all.items(), Arrays.copyOf(users, size), Arrays.copyOf(items, size),
                Arrays.copyOf(weights, size));
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swapped = values[i];
            values[i] = values[j];
            values[j] = swapped;
        }
    }

}
