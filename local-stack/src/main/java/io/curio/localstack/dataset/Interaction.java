package io.curio.localstack.dataset;

/**
 * Something a reader did with a book in the dataset's history.
 *
 * @param userId the reader
 * @param bookId the book
 * @param type {@code rate} or {@code add_to_library}
 * @param value the stars (1..5) of a {@code rate}; {@code null} for {@code add_to_library}
 */
public record Interaction(String userId, String bookId, String type, Integer value) {

    public static final String RATE = "rate";

    public static final String ADD_TO_LIBRARY = "add_to_library";

    public Interaction {
        if (RATE.equals(type)) {
            if (value == null || value < 1 || value > 5) {
                throw new IllegalArgumentException("a rating has 1..5 stars, not " + value);
            }
        }
        else if (ADD_TO_LIBRARY.equals(type)) {
            if (value != null) {
                throw new IllegalArgumentException("add_to_library carries no value, not " + value);
            }
        }
        else {
            throw new IllegalArgumentException("type must be rate or add_to_library, not '" + type + "'");
        }
    }

    public static Interaction rating(String userId, String bookId, int stars) {
        return new Interaction(userId, bookId, RATE, stars);
    }

    public static Interaction toRead(String userId, String bookId) {
        return new Interaction(userId, bookId, ADD_TO_LIBRARY, null);
    }

    public boolean isRating() {
        return RATE.equals(this.type);
    }

}
