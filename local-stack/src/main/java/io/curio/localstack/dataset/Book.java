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
 * @param tags the reader shelves most used for this book, at most five
 * @param averageRating the average star rating, or {@code null}
 * @param imageUrl the cover image, or {@code null}
 */
public record Book(String bookId, String title, List<String> authors, String language, Integer year,
        List<String> tags, Double averageRating, String imageUrl) {

    public Book {
        if (bookId == null || bookId.isBlank()) {
            throw new IllegalArgumentException("bookId must not be blank, not '" + bookId + "'");
        }
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
    }

}
