package io.curio.inference.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The books each reader is known to have rated below 4. They are no positives, but a reader has read them, so
 * an evaluation never counts them as recommendations.
 */
public final class LowRatings {

    /** Nothing known, as on data that keeps only positive interactions. */
    public static final LowRatings NONE = new LowRatings(Map.of());

    private final Map<String, List<String>> booksByReader;

    private LowRatings(Map<String, List<String>> booksByReader) {
        this.booksByReader = booksByReader;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The books the reader rated below 4; empty when none are known. */
    public List<String> of(String userId) {
        return this.booksByReader.getOrDefault(userId, List.of());
    }

    /** Collects low ratings. Not thread-safe. */
    public static final class Builder {

        private final Map<String, List<String>> booksByReader = new HashMap<>();

        private Builder() {
        }

        public Builder add(String userId, String bookId) {
            this.booksByReader.computeIfAbsent(userId, (key) -> new ArrayList<>(4)).add(bookId);
            return this;
        }

        public LowRatings build() {
            Map<String, List<String>> copy = new HashMap<>(this.booksByReader.size() * 2);
            this.booksByReader.forEach((reader, books) -> copy.put(reader, List.copyOf(books)));
            return new LowRatings(copy);
        }

    }

}
