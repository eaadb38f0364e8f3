package io.curio.gateway.recommendations;

import java.util.List;

/**
 * A fallback answer to {@code GET /v1/recommendations}, in the shape of the public API with {@code degraded: true}
 * and no experiment.
 *
 * @param requestId this request's {@code X-Request-Id}
 * @param userId the caller
 * @param surface the surface asked for
 * @param experiment always {@code null}: a fallback is outside every experiment
 * @param model the model that ranked the fallback list
 * @param degraded always {@code true}
 * @param items the books, best first
 */
record DegradedList(String requestId, String userId, String surface, Object experiment, FallbackList.ModelRef model,
        boolean degraded, List<Item> items) {

    DegradedList {
        items = List.copyOf(items);
    }

    /**
     * @param bookId the book
     * @param title its title
     * @param authors its authors
     * @param score its popularity score
     */
    record Item(String bookId, String title, List<String> authors, double score) {

        Item {
            authors = List.copyOf(authors);
        }
    }
}
