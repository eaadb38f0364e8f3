package io.curio.inference.recommendation;

/**
 * A book chosen for a list, with the score it was ranked by.
 *
 * @param bookId the book
 * @param score higher is better
 */
public record ScoredBook(String bookId, float score) {
}
