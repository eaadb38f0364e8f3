package io.curio.inference.training;

import java.time.Instant;

/**
 * Positive interactions, one per (reader, book), in compact primitive arrays. Readers and books are
 * interned to dense indexes; {@code userOffsets} and {@code userBooks} form a CSR layout by reader, and
 * {@code bookOffsets} and {@code bookUsers} the same matrix by book.
 *
 * @param userIds reader ids by index
 * @param bookIds book ids by index
 * @param userOffsets start of each reader's row in {@code userBooks}; one more entry than readers
 * @param userBooks book indexes, ascending within a reader's row
 * @param userSeconds when each interaction last happened, seconds after {@code firstSecond}
 * @param bookOffsets start of each book's column in {@code bookUsers}; one more entry than books
 * @param bookUsers reader indexes, ascending within a book's column
 * @param firstSecond epoch second of the oldest positive interaction
 * @param newestSecond epoch second of the newest event read, positive or not
 * @param eventsRead valid events read
 */
public record Interactions(String[] userIds, String[] bookIds, int[] userOffsets, int[] userBooks, int[] userSeconds,
        int[] bookOffsets, int[] bookUsers, long firstSecond, long newestSecond, long eventsRead) {

    public int users() {
        return this.userIds.length;
    }

    public int books() {
        return this.bookIds.length;
    }

    public int size() {
        return this.userBooks.length;
    }

    /** Distinct readers with a positive interaction with the book. */
    public int readersOf(int book) {
        return this.bookOffsets[book + 1] - this.bookOffsets[book];
    }

    public Instant dataFrom() {
        return Instant.ofEpochSecond(this.firstSecond);
    }

    public Instant dataTo() {
        return Instant.ofEpochSecond(this.newestSecond);
    }

}
