package io.curio.inference.recommendation;

import java.util.List;

/**
 * The non-personalized list the gateway answers with while this service is slow, failing or down: the most popular
 * books of the active catalogue, best first, with what the gateway needs to show them and to keep premium-only
 * books from readers without the premium plan.
 *
 * @param model the popularity model that ranked the books
 * @param items the books, best first
 */
public record FallbackList(RecommendationList.ModelRef model, List<Book> items) {

    public FallbackList {
        items = List.copyOf(items);
    }

    /**
     * @param bookId the book
     * @param title its title
     * @param authors its authors, in credit order
     * @param score its popularity score, higher is better
     * @param premiumOnly whether only premium readers may be shown it
     */
    public record Book(String bookId, String title, List<String> authors, float score, boolean premiumOnly) {

        public Book {
            authors = List.copyOf(authors);
        }

    }

}
