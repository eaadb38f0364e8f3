package io.curio.gateway.recommendations;

import java.util.List;

/**
 * The non-personalized list inference-service publishes for the gateway to answer with while it cannot answer
 * itself: popular books, best first, each marked when only premium readers may be shown it.
 *
 * @param model the model that ranked the books
 * @param items the books, best first
 */
public record FallbackList(ModelRef model, List<FallbackBook> items) {

    private static final String PREMIUM_PLAN = "premium";

    public FallbackList {
        items = List.copyOf(items);
    }

    /** Whether the list can serve as a fallback at all. */
    boolean isUsable() {
        return model != null && !items.isEmpty() && items.stream().allMatch(item -> item.bookId() != null);
    }

    /**
     * The degraded answer for one request: at most its limit of books, without premium-only books unless the
     * caller is on the premium plan.
     */
    DegradedList answer(String requestId, ListRequest request) {
        boolean premium = PREMIUM_PLAN.equals(request.plan());
        List<DegradedList.Item> shown = items.stream()
                .filter(book -> premium || !book.premiumOnly())
                .limit(request.limit())
                .map(book -> new DegradedList.Item(book.bookId(), book.title(), book.authors(), book.score()))
                .toList();
        return new DegradedList(requestId, request.userId(), request.surface(), null, model, true, shown);
    }

    /**
     * @param algorithm the model name, {@code popularity}
     * @param version the registry version
     */
    public record ModelRef(String algorithm, String version) {
    }

    /**
     * @param bookId the book
     * @param title its title
     * @param authors its authors
     * @param score its popularity score
     * @param premiumOnly whether only premium readers may be shown it
     */
    public record FallbackBook(String bookId, String title, List<String> authors, double score,
            boolean premiumOnly) {

        public FallbackBook {
            authors = authors == null ? List.of() : List.copyOf(authors);
        }
    }
}
