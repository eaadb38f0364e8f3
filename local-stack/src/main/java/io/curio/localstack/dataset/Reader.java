package io.curio.localstack.dataset;

/**
 * A reader as the user attribute endpoint serves them.
 *
 * @param userId the reader's id, unique in its dataset
 * @param plan {@code free} or {@code premium}
 * @param language the language code the reader mostly reads in
 */
public record Reader(String userId, String plan, String language) {

    public static final String FREE = "free";

    public static final String PREMIUM = "premium";

    public Reader {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank, not '" + userId + "'");
        }
        if (!FREE.equals(plan) && !PREMIUM.equals(plan)) {
            throw new IllegalArgumentException("plan must be free or premium, not '" + plan + "'");
        }
    }

}
