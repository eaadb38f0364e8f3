package io.curio.feature.attributes;

/**
 * A reader's attributes as the user endpoint describes them.
 *
 * @param userId the reader
 * @param plan {@code free} or {@code premium}, or {@code null}
 * @param language the reader's language, or {@code null}
 */
public record UserAttributes(String userId, String plan, String language) {
}
