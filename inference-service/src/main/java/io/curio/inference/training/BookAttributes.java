package io.curio.inference.training;

import java.util.List;

/**
 * What the content model knows of a book.
 *
 * @param bookId the book
 * @param authors its authors, in credited order; never {@code null}
 * @param tags the shelves readers put it on most; never {@code null}
 * @param language its language code, or {@code null}
 * @param year its year of first publication, or {@code null}
 */
public record BookAttributes(String bookId, List<String> authors, List<String> tags, String language, Integer year) {

    public BookAttributes {
        authors = (authors != null) ? List.copyOf(authors) : List.of();
        tags = (tags != null) ? List.copyOf(tags) : List.of();
    }

}
