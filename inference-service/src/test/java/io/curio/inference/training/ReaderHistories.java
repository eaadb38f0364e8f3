package io.curio.inference.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import io.curio.inference.model.Signal;
import io.curio.inference.recommendation.UserHistory;

/**
 * Request histories cut from real readers: for a length n, readers with at least n positive interactions are
 * drawn at random (seeded) and n of their books kept, a strong signal as a rating of 5 and a saved book as a
 * to-read mark, as feature-service's profile would list them. When no reader has n books, each history joins the
 * books of readers with at least n / 2 of them, drawn the same way, until it holds n.
 *
 * @param length books in each history
 * @param eligibleReaders readers with at least that many positive interactions
 * @param readersPerHistory 1 when each history is one reader's, otherwise the mean number of readers joined
 * @param histories the drawn histories
 */
record ReaderHistories(int length, int eligibleReaders, double readersPerHistory, List<UserHistory> histories) {

    ReaderHistories {
        histories = List.copyOf(histories);
    }

    /** Up to {@code count} histories of {@code length} books, the same for the same seed. */
    static ReaderHistories draw(Interactions interactions, int length, int count, long seed) {
        Random random = new Random(seed);
        List<Integer> eligible = readersWith(interactions, length, random);
        if (!eligible.isEmpty()) {
            List<UserHistory> histories = eligible.stream()
                .limit(count)
                .map((reader) -> history(interactions, List.of(reader), length, random))
                .toList();
            return new ReaderHistories(length, eligible.size(), 1, histories);
        }
        return joined(interactions, length, count, readersWith(interactions, Math.max(length / 2, 1), random),
                random);
    }

    private static ReaderHistories joined(Interactions interactions, int length, int count, List<Integer> pool,
            Random random) {
        List<UserHistory> histories = new ArrayList<>();
        int next = 0;
        int joined = 0;
        while (histories.size() < count && next < pool.size()) {
            List<Integer> readers = new ArrayList<>();
            int books = 0;
            while (books < length && next < pool.size()) {
                readers.add(pool.get(next++));
                books += booksOf(interactions, readers.get(readers.size() - 1));
            }
            if (books >= length) {
                histories.add(history(interactions, readers, length, random));
                joined += readers.size();
            }
        }
        double perHistory = histories.isEmpty() ? 0 : (double) joined / histories.size();
        return new ReaderHistories(length, 0, perHistory, histories);
    }

    private static List<Integer> readersWith(Interactions interactions, int books, Random random) {
        return shuffled(IntStream.range(0, interactions.users())
            .filter((reader) -> booksOf(interactions, reader) >= books), random);
    }

    private static int booksOf(Interactions interactions, int reader) {
        return interactions.userOffsets()[reader + 1] - interactions.userOffsets()[reader];
    }

    /** {@code length} books of the readers, each reader's shuffled, a book two readers share listed once. */
    private static UserHistory history(Interactions interactions, List<Integer> readers, int length,
            Random random) {
        Map<String, UserHistory.Entry> entries = new LinkedHashMap<>();
        for (int reader : readers) {
            for (int position : shuffled(IntStream.range(interactions.userOffsets()[reader],
                    interactions.userOffsets()[reader + 1]), random)) {
                UserHistory.Entry entry = entry(interactions, position);
                if (entries.size() < length) {
                    entries.putIfAbsent(entry.bookId(), entry);
                }
            }
        }
        return new UserHistory(List.copyOf(entries.values()));
    }

    private static List<Integer> shuffled(IntStream values, Random random) {
        List<Integer> list = values.boxed().collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
        Collections.shuffle(list, random);
        return list;
    }

    private static UserHistory.Entry entry(Interactions interactions, int position) {
        String bookId = interactions.bookIds()[interactions.userBooks()[position]];
        return (interactions.signalAt(position) == Signal.STRONG) ? new UserHistory.Entry(bookId, "rate", 5)
                : new UserHistory.Entry(bookId, "add_to_library", null);
    }

}
