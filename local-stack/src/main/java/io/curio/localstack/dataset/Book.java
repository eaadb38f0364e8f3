package io.curio.localstack.dataset;

import java.util.List;

/**
 * A book as the attribute endpoint serves it.
 *
 * @param bookId the book's id, unique in its dataset
 * @param title the title
 * @param authors the authors, in credited order
 * @param language the language code (for example {@code eng}), or {@code null} when unknown
 * @param year the year of first publication (negative before the common era), or {@code null}
 * @param tags the reader shelves most used for this book, at most twenty
 * @param averageRating the average star rating, or {@code null}
 * @param imageUrl the cover image, or {@code null}
 * @param premiumOnly whether only readers with the premium plan may be recommended it
 */
public record Book(String bookId, String title, List<String> authors, String language, Integer year,
        List<String> tags, Double averageRating, String imageUrl, boolean premiumOnly) {

    static final int PREMIUM_ONLY_PERCENT = 10;

    public Book {
        if (bookId == null || bookId.isBlank()) {
            throw new IllegalArgumentException("bookId must not be blank, not '" + bookId + "'");
        }
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
    }

    /**
     * A book of a dataset, which has no premium flag of its own: about one book in ten is premium-only,
     * decided by a hash of the id, so the same books are premium-only on every load.
     */
    public Book(String bookId, String title, List<String> authors, String language, Integer year, List<String> tags,
            Double averageRating, String imageUrl) {
        this(bookId, title, authors, language, year, tags, averageRating, imageUrl, isPremiumOnly(bookId));
    }

    static boolean isPremiumOnly(String bookId) {
        return bookId != null && StableHash.below(100, "premium-only", bookId) < PREMIUM_ONLY_PERCENT;
    }

}
