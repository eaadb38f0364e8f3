package io.curio.inference.training;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.curio.events.EngagementEvent;
import io.curio.inference.model.Signal;

/**
 * Collects events and builds {@link Interactions}: keeps positive interactions, interns ids to dense
 * indexes and de-duplicates per (reader, book), keeping the latest time. Not thread-safe.
 */
public final class InteractionsBuilder {

    private final Map<String, Integer> userIndexes = new HashMap<>();

    private final Map<String, Integer> bookIndexes = new HashMap<>();

    private int[] users = new int[1024];

    private int[] books = new int[1024];

    private long[] seconds = new long[1024];

    private boolean[] strong = new boolean[1024];

    private int size;

    private long eventsRead;

    private long newestSecond = Long.MIN_VALUE;

    public void add(EngagementEvent event) {
        observed(1, event.occurredAt().getEpochSecond());
        if (event.bookId() != null) {
            Signal.of(event.type().wireName(), event.value())
                .ifPresent((signal) -> addPositive(event.userId(), event.bookId(), event.occurredAt().getEpochSecond(),
                        signal));
        }
    }

    /** Counts events read, of which the newest happened at {@code newestSecond}. */
    void observed(long events, long newestSecond) {
        this.eventsRead += events;
        this.newestSecond = Math.max(this.newestSecond, newestSecond);
    }

    /** Adds a positive interaction that was already counted with {@link #observed}. */
    public void addPositive(String userId, String bookId, long epochSecond, Signal signal) {
        append(intern(this.userIndexes, userId), intern(this.bookIndexes, bookId), epochSecond, signal);
    }

    public long eventsRead() {
        return this.eventsRead;
    }

    public Interactions build() {
        long first = firstSecond();
        int[] userOffsets = countingOffsets(this.users, this.userIndexes.size());
        long[] packed = packByUser(userOffsets, first);
        int[] deduplicatedOffsets = deduplicate(userOffsets, packed);
        int total = deduplicatedOffsets[deduplicatedOffsets.length - 1];
        int[] userBooks = new int[total];
        int[] userSeconds = new int[total];
        byte[] userSignals = new byte[total];
        byte strong = (byte) Signal.STRONG.ordinal();
        byte saved = (byte) Signal.SAVED.ordinal();
        for (int i = 0; i < total; i++) {
            userBooks[i] = (int) (packed[i] >>> 32);
            userSeconds[i] = (int) (packed[i] & 0xFFFFFFFFL) >>> 1;
            userSignals[i] = ((packed[i] & 1) != 0) ? strong : saved;
        }
        int[] bookOffsets = new int[this.bookIndexes.size() + 1];
        int[] bookUsers = transpose(deduplicatedOffsets, userBooks, bookOffsets);
        long newest = (this.eventsRead == 0) ? first : this.newestSecond;
        return new Interactions(ids(this.userIndexes), ids(this.bookIndexes), deduplicatedOffsets, userBooks,
                userSeconds, userSignals, bookOffsets, bookUsers, first, newest, this.eventsRead);
    }

    private static int intern(Map<String, Integer> indexes, String id) {
        Integer index = indexes.get(id);
        if (index == null) {
            index = indexes.size();
            indexes.put(id, index);
        }
        return index;
    }

    private void append(int user, int book, long second, Signal signal) {
        if (this.size == this.users.length) {
            int capacity = this.size * 2;
            this.users = Arrays.copyOf(this.users, capacity);
            this.books = Arrays.copyOf(this.books, capacity);
            this.seconds = Arrays.copyOf(this.seconds, capacity);
            this.strong = Arrays.copyOf(this.strong, capacity);
        }
        this.users[this.size] = user;
        this.books[this.size] = book;
        this.seconds[this.size] = second;
        this.strong[this.size] = signal == Signal.STRONG;
        this.size++;
    }

    private long firstSecond() {
        long first = Long.MAX_VALUE;
        for (int i = 0; i < this.size; i++) {
            first = Math.min(first, this.seconds[i]);
        }
        return (this.size == 0) ? Instant.EPOCH.getEpochSecond() : first;
    }

    private int[] countingOffsets(int[] rows, int rowCount) {
        int[] offsets = new int[rowCount + 1];
        for (int i = 0; i < this.size; i++) {
            offsets[rows[i] + 1]++;
        }
        for (int row = 0; row < rowCount; row++) {
            offsets[row + 1] += offsets[row];
        }
        return offsets;
    }

    /**
     * Book index in the high half; in the low half, seconds after {@code first} (at most 2^31 - 1) shifted left
     * by one, and 1 in the lowest bit for a strong signal; grouped by reader.
     */
    private long[] packByUser(int[] userOffsets, long first) {
        long[] packed = new long[this.size];
        int[] next = Arrays.copyOf(userOffsets, userOffsets.length - 1);
        for (int i = 0; i < this.size; i++) {
            long relative = Math.min(this.seconds[i] - first, Integer.MAX_VALUE);
            packed[next[this.users[i]]++] = ((long) this.books[i] << 32) | (relative << 1) | (this.strong[i] ? 1 : 0);
        }
        return packed;
    }

    /**
     * Sorts each reader's row and keeps one interaction per book, compacting in place: the latest time, and a
     * strong signal when any of the book's interactions had one.
     */
    private static int[] deduplicate(int[] offsets, long[] packed) {
        int[] compacted = new int[offsets.length];
        int write = 0;
        for (int user = 0; user < offsets.length - 1; user++) {
            compacted[user] = write;
            Arrays.sort(packed, offsets[user], offsets[user + 1]);
            long strong = 0;
            for (int i = offsets[user]; i < offsets[user + 1]; i++) {
                strong |= packed[i] & 1;
                boolean lastOfBook = i + 1 == offsets[user + 1] || (packed[i + 1] >>> 32) != (packed[i] >>> 32);
                if (lastOfBook) {
                    packed[write++] = packed[i] | strong;
                    strong = 0;
                }
            }
        }
        compacted[offsets.length - 1] = write;
        return compacted;
    }

    private static int[] transpose(int[] userOffsets, int[] userBooks, int[] bookOffsets) {
        for (int book : userBooks) {
            bookOffsets[book + 1]++;
        }
        for (int book = 0; book < bookOffsets.length - 1; book++) {
            bookOffsets[book + 1] += bookOffsets[book];
        }
        int[] next = Arrays.copyOf(bookOffsets, bookOffsets.length - 1);
        int[] bookUsers = new int[userBooks.length];
        for (int user = 0; user < userOffsets.length - 1; user++) {
            for (int i = userOffsets[user]; i < userOffsets[user + 1]; i++) {
                bookUsers[next[userBooks[i]]++] = user;
            }
        }
        return bookUsers;
    }

    private static String[] ids(Map<String, Integer> indexes) {
        String[] ids = new String[indexes.size()];
        indexes.forEach((id, index) -> ids[index] = id);
        return ids;
    }

}
