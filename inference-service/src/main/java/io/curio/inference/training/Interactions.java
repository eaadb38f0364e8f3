package io.curio.inference.training;

import java.time.Instant;
import java.util.Arrays;

import io.curio.inference.algebra.InteractionMatrix;
import io.curio.inference.model.Signal;
import io.curio.inference.model.SignalWeights;

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
 * @param userSignals the strongest signal of each interaction, as a {@link Signal} ordinal
 * @param bookOffsets start of each book's column in {@code bookUsers}; one more entry than books
 * @param bookUsers reader indexes, ascending within a book's column
 * @param firstSecond epoch second of the oldest positive interaction
 * @param newestSecond epoch second of the newest event read, positive or not
 * @param eventsRead valid events read
 */
public record Interactions(String[] userIds, String[] bookIds, int[] userOffsets, int[] userBooks, int[] userSeconds,
        byte[] userSignals, int[] bookOffsets, int[] bookUsers, long firstSecond, long newestSecond, long eventsRead) {

    private static final Signal[] SIGNALS = Signal.values();

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

    /** The signal of the interaction at a position of {@code userBooks}. */
    public Signal signalAt(int position) {
        return SIGNALS[this.userSignals[position]];
    }

    /** Per book, the distinct readers with a positive interaction. */
    public int[] readersPerBook() {
        int[] readers = new int[books()];
        for (int book = 0; book < readers.length; book++) {
            readers[book] = readersOf(book);
        }
        return readers;
    }

    /** {@link #readersPerBook()} as floats, the scores a fill ranking takes. */
    public float[] readerCounts() {
        int[] readers = readersPerBook();
        float[] counts = new float[readers.length];
        for (int book = 0; book < counts.length; book++) {
            counts[book] = readers[book];
        }
        return counts;
    }

    /** The reader x book matrix with each interaction weighted by its signal; zero weights are left out. */
    public InteractionMatrix matrix(SignalWeights weights) {
        int[] users = new int[size()];
        int[] books = new int[size()];
        float[] values = new float[size()];
        int kept = 0;
        for (int user = 0; user < users(); user++) {
            for (int i = this.userOffsets[user]; i < this.userOffsets[user + 1]; i++) {
                float weight = weights.weight(signalAt(i));
                if (weight > 0f) {
                    users[kept] = user;
                    books[kept] = this.userBooks[i];
                    values[kept++] = weight;
                }
            }
        }
        return InteractionMatrix.of(users(), books(), Arrays.copyOf(users, kept), Arrays.copyOf(books, kept),
                Arrays.copyOf(values, kept));
    }

    public Instant dataFrom() {
        return Instant.ofEpochSecond(this.firstSecond);
    }

    public Instant dataTo() {
        return Instant.ofEpochSecond(this.newestSecond);
    }

}
