package io.curio.localstack.dataset;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * An immutable history stored as a few primitive arrays: about nine bytes per interaction instead of an
 * object each, which keeps the two million interactions of a full dataset small. Elements are built on
 * access.
 */
final class InteractionLog extends AbstractList<Interaction> implements RandomAccess {

    private static final byte TO_READ = 0;

    private final String[] users;

    private final String[] books;

    private final int[] userIndexes;

    private final int[] bookIndexes;

    private final byte[] kinds;

    private InteractionLog(Builder builder) {
        this.users = builder.users.toArray(String[]::new);
        this.books = builder.books.toArray(String[]::new);
        this.userIndexes = Arrays.copyOf(builder.userIndexes, builder.size);
        this.bookIndexes = Arrays.copyOf(builder.bookIndexes, builder.size);
        this.kinds = Arrays.copyOf(builder.kinds, builder.size);
    }

    private InteractionLog(InteractionLog source, int[] userIndexes, int[] bookIndexes, byte[] kinds) {
        this.users = source.users;
        this.books = source.books;
        this.userIndexes = userIndexes;
        this.bookIndexes = bookIndexes;
        this.kinds = kinds;
    }

    /** The same history without the interactions at the positions set in {@code left}, in the same order. */
    InteractionLog without(BitSet left) {
        int size = size() - left.cardinality();
        int[] userIndexes = new int[size];
        int[] bookIndexes = new int[size];
        byte[] kinds = new byte[size];
        int kept = 0;
        for (int i = left.nextClearBit(0); i < size(); i = left.nextClearBit(i + 1)) {
            userIndexes[kept] = this.userIndexes[i];
            bookIndexes[kept] = this.bookIndexes[i];
            kinds[kept] = this.kinds[i];
            kept++;
        }
        return new InteractionLog(this, userIndexes, bookIndexes, kinds);
    }

    @Override
    public Interaction get(int index) {
        String user = this.users[this.userIndexes[index]];
        String book = this.books[this.bookIndexes[index]];
        byte kind = this.kinds[index];
        return (kind == TO_READ) ? Interaction.toRead(user, book) : Interaction.rating(user, book, kind);
    }

    @Override
    public int size() {
        return this.kinds.length;
    }

    /** How many distinct readers the history has; reader indexes run from 0 to this minus one. */
    int readerCount() {
        return this.users.length;
    }

    /** How many distinct books the history has; book indexes run from 0 to this minus one. */
    int bookCount() {
        return this.books.length;
    }

    String readerId(int readerIndex) {
        return this.users[readerIndex];
    }

    String bookId(int bookIndex) {
        return this.books[bookIndex];
    }

    /** The reader index of the interaction at this position. */
    int readerAt(int index) {
        return this.userIndexes[index];
    }

    /** The book index of the interaction at this position. */
    int bookAt(int index) {
        return this.bookIndexes[index];
    }

    boolean isRatingAt(int index) {
        return this.kinds[index] != TO_READ;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Collects interactions; ids are kept once each, as the same string instance. */
    static final class Builder {

        private final Map<String, Integer> userIndex = new HashMap<>();

        private final Map<String, Integer> bookIndex = new HashMap<>();

        private final List<String> users = new ArrayList<>();

        private final List<String> books = new ArrayList<>();

        private int[] userIndexes = new int[1024];

        private int[] bookIndexes = new int[1024];

        private byte[] kinds = new byte[1024];

        private int size;

        Builder rating(String userId, String bookId, int stars) {
            if (stars < 1 || stars > 5) {
                throw new IllegalArgumentException("a rating has 1..5 stars, not " + stars);
            }
            return add(userId, bookId, (byte) stars);
        }

        Builder toRead(String userId, String bookId) {
            return add(userId, bookId, TO_READ);
        }

        InteractionLog build() {
            return new InteractionLog(this);
        }

        private Builder add(String userId, String bookId, byte kind) {
            if (this.size == this.kinds.length) {
                grow();
            }
            this.userIndexes[this.size] = indexOf(userId, this.userIndex, this.users);
            this.bookIndexes[this.size] = indexOf(bookId, this.bookIndex, this.books);
            this.kinds[this.size] = kind;
            this.size++;
            return this;
        }

        private static int indexOf(String id, Map<String, Integer> index, List<String> ids) {
            Integer known = index.get(id);
            if (known != null) {
                return known;
            }
            index.put(id, ids.size());
            ids.add(id);
            return ids.size() - 1;
        }

        private void grow() {
            int capacity = this.kinds.length * 2;
            this.userIndexes = Arrays.copyOf(this.userIndexes, capacity);
            this.bookIndexes = Arrays.copyOf(this.bookIndexes, capacity);
            this.kinds = Arrays.copyOf(this.kinds, capacity);
        }

    }

}
