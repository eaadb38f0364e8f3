package io.curio.inference.training;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.curio.events.EngagementEvent;

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

    private int size;

    private long eventsRead;

    private long newestSecond = Long.MIN_VALUE;

    public void add(EngagementEvent event) {
        observed(1, event.occurredAt().getEpochSecond());
        if (event.isPositive() && event.bookId() != null) {
            addPositive(event.userId(), event.bookId(), event.occurredAt().getEpochSecond());
        }
    }

    /** Counts events read, of which the newest happened at {@code newestSecond}. */
    void observed(long events, long newestSecond) {
        this.eventsRead += events;
        this.newestSecond = Math.max(this.newestSecond, newestSecond);
    }

    /** Adds a positive interaction that was already counted with {@link #observed}. */
    void addPositive(String userId, String bookId, long epochSecond) {
        append(intern(this.userIndexes, userId), intern(this.bookIndexes, bookId), epochSecond);
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
        for (int i = 0; i < total; i++) {
            userBooks[i] = (int) (packed[i] >>> 32);
            userSeconds[i] = (int) packed[i];
        }
        int[] bookOffsets = new int[this.bookIndexes.size() + 1];
        int[] bookUsers = transpose(deduplicatedOffsets, userBooks, bookOffsets);
        long newest = (this.eventsRead == 0) ? first : this.newestSecond;
        return new Interactions(ids(this.userIndexes), ids(this.bookIndexes), deduplicatedOffsets, userBooks,
                userSeconds, bookOffsets, bookUsers, first, newest, this.eventsRead);
    }

    private static int intern(Map<String, Integer> indexes, String id) {
        Integer index = indexes.get(id);
        if (index == null) {
            index = indexes.size();
            indexes.put(id, index);
        }
        return index;
    }

    private void append(int user, int book, long second) {
        if (this.size == this.users.length) {
            int capacity = this.size * 2;
            this.users = Arrays.copyOf(this.users, capacity);
            this.books = Arrays.copyOf(this.books, capacity);
            this.seconds = Arrays.copyOf(this.seconds, capacity);
        }
        this.users[this.size] = user;
        this.books[this.size] = book;
        this.seconds[this.size] = second;
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

    /** Book index in the high half, seconds after {@code first} in the low half, grouped by reader. */
    private long[] packByUser(int[] userOffsets, long first) {
        long[] packed = new long[this.size];
        int[] next = Arrays.copyOf(userOffsets, userOffsets.length - 1);
        for (int i = 0; i < this.size; i++) {
            long relative = Math.min(this.seconds[i] - first, Integer.MAX_VALUE);
            packed[next[this.users[i]]++] = ((long) this.books[i] << 32) | relative;
        }
        return packed;
    }

    /** Sorts each reader's row and keeps the latest interaction per book, compacting in place. */
    private static int[] deduplicate(int[] offsets, long[] packed) {
        int[] compacted = new int[offsets.length];
        int write = 0;
        for (int user = 0; user < offsets.length - 1; user++) {
            compacted[user] = write;
            Arrays.sort(packed, offsets[user], offsets[user + 1]);
            for (int i = offsets[user]; i < offsets[user + 1]; i++) {
                boolean lastOfBook = i + 1 == offsets[user + 1] || (packed[i + 1] >>> 32) != (packed[i] >>> 32);
                if (lastOfBook) {
                    packed[write++] = packed[i];
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
