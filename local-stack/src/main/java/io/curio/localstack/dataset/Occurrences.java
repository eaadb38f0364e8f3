package io.curio.localstack.dataset;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the repetitions in a history: the n-th time the same reader did the same thing with the same
 * book gets occurrence n (0 for the first). Sorting packed keys finds the few repeated ones, so only
 * those need a counter.
 */
final class Occurrences {

    private Occurrences() {
    }

    static int[] of(List<Interaction> history) {
        long[] keys = keys(history);
        Map<Long, Integer> repeated = repeatedKeys(keys);
        int[] occurrences = new int[keys.length];
        if (repeated.isEmpty()) {
            return occurrences;
        }
        for (int i = 0; i < keys.length; i++) {
            Integer seen = repeated.get(keys[i]);
            if (seen != null) {
                occurrences[i] = seen;
                repeated.put(keys[i], seen + 1);
            }
        }
        return occurrences;
    }

    /** Type, reader and book of each interaction packed into one long: 1, 31 and 32 bits. */
    private static long[] keys(List<Interaction> history) {
        if (history instanceof InteractionLog log) {
            return keys(log);
        }
        Map<String, Integer> users = new HashMap<>();
        Map<String, Integer> books = new HashMap<>();
        long[] keys = new long[history.size()];
        for (int i = 0; i < keys.length; i++) {
            Interaction interaction = history.get(i);
            long user = users.computeIfAbsent(interaction.userId(), (id) -> users.size());
            long book = books.computeIfAbsent(interaction.bookId(), (id) -> books.size());
            keys[i] = key(interaction.isRating(), user, book);
        }
        return keys;
    }

    private static long[] keys(InteractionLog log) {
        long[] keys = new long[log.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key(log.isRatingAt(i), log.readerAt(i), log.bookAt(i));
        }
        return keys;
    }

    private static long key(boolean rating, long reader, long book) {
        return ((rating ? 1L : 0L) << 63) | (reader << 32) | book;
    }

    private static Map<Long, Integer> repeatedKeys(long[] keys) {
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        Map<Long, Integer> repeated = new HashMap<>();
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                repeated.put(sorted[i], 0);
            }
        }
        return repeated;
    }

}
