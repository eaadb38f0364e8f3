package io.curio.gateway.recommendations;

import java.util.List;

/**
 * The non-personalized list inference-service serves at {@code /internal/fallback-list}.
 *
 * @param algorithm the model the list comes from
 * @param version that model's version, shown as the fallback's model version
 * @param items the books, best first
 */
record FallbackList(String algorithm, String version, List<Item> items) {

    FallbackList {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** The first {@code limit} books. */
    List<Item> first(int limit) {
        return items.subList(0, Math.min(limit, items.size()));
    }

    /**
     * @param bookId the book
     * @param title its title, or {@code null} when the catalogue does not know it
     * @param authors its authors
     * @param score the popularity it is ranked by
     */
    record Item(String bookId, String title, List<String> authors, double score) {
    }
}
