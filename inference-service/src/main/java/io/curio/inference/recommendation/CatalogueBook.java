package io.curio.inference.recommendation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A book of the active catalogue, as far as a list shows it.
 *
 * @param bookId the book
 * @param title its title
 * @param authors its authors; never {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogueBook(String bookId, String title, List<String> authors) {

    public CatalogueBook {
        authors = (authors != null) ? List.copyOf(authors) : List.of();
    }

}
