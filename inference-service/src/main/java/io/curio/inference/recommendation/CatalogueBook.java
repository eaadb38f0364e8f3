package io.curio.inference.recommendation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A book of the active catalogue, as far as a list shows it and its business rules need it.
 *
 * @param bookId the book
 * @param title its title
 * @param authors its authors, in credit order; never {@code null}
 * @param language its language code, or {@code null} when unknown
 * @param year its original publication year, or {@code null} when unknown
 * @param tags its most common shelf tags; never {@code null}
 * @param premiumOnly whether only premium readers may be shown it; {@code false} when not said
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogueBook(String bookId, String title, List<String> authors, String language, Integer year,
        List<String> tags, Boolean premiumOnly) {

    public CatalogueBook {
        authors = (authors != null) ? List.copyOf(authors) : List.of();
        tags = (tags != null) ? List.copyOf(tags) : List.of();
        premiumOnly = Boolean.TRUE.equals(premiumOnly);
    }

}
