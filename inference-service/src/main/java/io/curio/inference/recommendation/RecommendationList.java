package io.curio.inference.recommendation;

import java.util.List;

/**
 * The answer to {@code GET /v1/recommendations}, in the shape of the public API.
 *
 * @param requestId the request, as echoed in {@code X-Request-Id}
 * @param userId the reader
 * @param surface where the list is shown
 * @param experiment the experiment and variant assigned to the reader, or {@code null}
 * @param model the model that actually ranked the list
 * @param degraded whether a dependency (profile or catalogue) failed and the list is a fallback
 * @param items the books, best first
 */
public record RecommendationList(String requestId, String userId, String surface, ExperimentRef experiment,
        ModelRef model, boolean degraded, List<Item> items) {

    public RecommendationList {
        items = List.copyOf(items);
    }

    /**
     * @param key the experiment key
     * @param variant the variant name
     */
    public record ExperimentRef(String key, String variant) {
    }

    /**
     * @param algorithm the algorithm's model name
     * @param version the registry version
     */
    public record ModelRef(String algorithm, String version) {
    }

    /**
     * @param bookId the book
     * @param title its title, or {@code null} while the catalogue is unknown
     * @param authors its authors
     * @param score the ranking score, higher is better
     */
    public record Item(String bookId, String title, List<String> authors, float score) {

        public Item {
            authors = List.copyOf(authors);
        }

    }

}
