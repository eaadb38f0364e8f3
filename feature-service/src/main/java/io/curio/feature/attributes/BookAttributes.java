package io.curio.feature.attributes;

import java.util.List;

/**
 * A book as the catalogue describes it.
 *
 * @param bookId the book
 * @param title its title
 * @param authors its authors, in credit order
 * @param language its language code, or {@code null}
 * @param year its original publication year (negative before the common era), or {@code null}
 * @param tags its most common shelf tags
 * @param premiumOnly whether only readers with the premium plan may be recommended it
 */
public record BookAttributes(String bookId, String title, List<String> authors, String language, Integer year,
        List<String> tags, boolean premiumOnly) {

    public BookAttributes {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
    }

}
