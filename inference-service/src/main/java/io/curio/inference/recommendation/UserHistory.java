package io.curio.inference.recommendation;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.curio.inference.model.Signal;

/**
 * A reader's recent interactions, as feature-service's profile lists them, newest first, and what the
 * profile says about the reader.
 *
 * @param history the interactions; never {@code null}
 * @param attributes the reader's attributes, or {@code null} when feature-service has none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserHistory(List<Entry> history, Attributes attributes) {

    public UserHistory {
        history = (history != null) ? List.copyOf(history) : List.of();
    }

    /** Interactions of a reader whose attributes are unknown. */
    public UserHistory(List<Entry> history) {
        this(history, null);
    }

    public static UserHistory empty() {
        return new UserHistory(List.of());
    }

    /** Books the reader liked: clicked, opened, finished, added to the library, or rated 4 or 5. */
    public Set<String> likedBooks() {
        Set<String> liked = new LinkedHashSet<>();
        this.history.stream().filter(Entry::isPositive).forEach((entry) -> liked.add(entry.bookId()));
        return liked;
    }

    /** Books the reader liked, newest first, each with the strongest signal the history holds for it. */
    public Map<String, Signal> likedSignals() {
        Map<String, Signal> liked = new LinkedHashMap<>();
        for (Entry entry : this.history) {
            if (entry.bookId() != null) {
                Signal.of(entry.type(), entry.value()).ifPresent((signal) -> liked.merge(entry.bookId(), signal,
                        Signal::max));
            }
        }
        return liked;
    }

    /** The reader's language code, or {@code null} when unknown. */
    public String language() {
        return (this.attributes != null) ? this.attributes.language() : null;
    }

    /** Books the reader rated or finished: never recommended to them again. */
    public Set<String> consumedBooks() {
        Set<String> consumed = new LinkedHashSet<>();
        this.history.stream().filter(Entry::isConsumption).forEach((entry) -> consumed.add(entry.bookId()));
        return consumed;
    }

    /**
     * One interaction with a book.
     *
     * @param bookId the book
     * @param type the event type's wire name
     * @param value the rating for {@code rate}, otherwise {@code null}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String bookId, String type, Integer value) {

        boolean isPositive() {
            if (this.bookId == null || this.type == null) {
                return false;
            }
            return switch (this.type) {
                case "rate" -> this.value != null && this.value >= 4;
                case "click", "open", "finish", "add_to_library" -> true;
                default -> false;
            };
        }

        boolean isConsumption() {
            return this.bookId != null && ("rate".equals(this.type) || "finish".equals(this.type));
        }

    }

    /**
     * What the profile says about the reader.
     *
     * @param language the reader's language code, or {@code null}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attributes(String language) {
    }

}
