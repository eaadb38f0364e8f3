package io.curio.inference.recommendation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import io.curio.inference.recommendation.ListRules.Rule;

/**
 * The business rules of one list, applied while the list is assembled best book first: a book offered
 * is either admitted, and from then on counts against its author, or kept out by the first rule it
 * breaks. Not thread-safe; one instance serves one list.
 */
public final class ListSelection {

    /** Scored books offered per place of a list when a rule may remove some of them. */
    private static final int CANDIDATES_PER_PLACE = 4;

    private final Function<String, Optional<CatalogueBook>> books;

    private final boolean premiumReader;

    private final String languageFamily;

    private final int maxPerAuthor;

    private final Consumer<Rule> removals;

    private final Map<String, Integer> listedByAuthor = new HashMap<>();

    private final Set<String> keptOut = new HashSet<>();

    ListSelection(Function<String, Optional<CatalogueBook>> books, boolean premiumReader, String languageFamily,
            int maxPerAuthor, Consumer<Rule> removals) {
        this.books = books;
        this.premiumReader = premiumReader;
        this.languageFamily = languageFamily;
        this.maxPerAuthor = maxPerAuthor;
        this.removals = removals;
    }

    /** A selection that admits every book. */
    public static ListSelection unrestricted() {
        return new ListSelection((bookId) -> Optional.empty(), true, null, 0, (rule) -> {
        });
    }

    /** How many scored books to offer for a list of {@code limit}: more when a rule may remove some. */
    int candidates(int limit) {
        boolean restricts = !this.premiumReader || this.languageFamily != null || this.maxPerAuthor > 0;
        return restricts ? limit * CANDIDATES_PER_PLACE : limit;
    }

    /** The candidates the rules admit, in their order, at most {@code limit} of them. */
    List<ScoredBook> admitted(List<ScoredBook> candidates, int limit) {
        List<ScoredBook> admitted = new ArrayList<>(limit);
        for (ScoredBook candidate : candidates) {
            if (admitted.size() == limit) {
                break;
            }
            if (admit(candidate.bookId())) {
                admitted.add(candidate);
            }
        }
        return admitted;
    }

    /**
     * Whether the book may be listed next. An admitted book counts against its author, so offer a book only
     * when it will be listed if admitted. A book the catalogue does not describe breaks no rule; a book kept
     * out once stays out and is counted once.
     */
    boolean admit(String bookId) {
        Optional<CatalogueBook> book = this.books.apply(bookId);
        if (book.isEmpty()) {
            return true;
        }
        if (this.keptOut.contains(bookId)) {
            return false;
        }
        Optional<Rule> broken = brokenRule(book.get());
        if (broken.isPresent()) {
            this.keptOut.add(bookId);
            this.removals.accept(broken.get());
            return false;
        }
        firstAuthor(book.get()).ifPresent((author) -> this.listedByAuthor.merge(author, 1, Integer::sum));
        return true;
    }

    private Optional<Rule> brokenRule(CatalogueBook book) {
        if (book.premiumOnly() && !this.premiumReader) {
            return Optional.of(Rule.PREMIUM_ONLY);
        }
        if (inAnotherLanguage(book)) {
            return Optional.of(Rule.LANGUAGE);
        }
        if (authorIsFull(book)) {
            return Optional.of(Rule.AUTHOR_CAP);
        }
        return Optional.empty();
    }

    private boolean inAnotherLanguage(CatalogueBook book) {
        if (this.languageFamily == null) {
            return false;
        }
        return LanguageFamily.of(book.language()).map((family) -> !family.equals(this.languageFamily)).orElse(false);
    }

    private boolean authorIsFull(CatalogueBook book) {
        if (this.maxPerAuthor == 0) {
            return false;
        }
        return firstAuthor(book).map((author) -> this.listedByAuthor.getOrDefault(author, 0) >= this.maxPerAuthor)
            .orElse(false);
    }

    private static Optional<String> firstAuthor(CatalogueBook book) {
        return book.authors().stream().findFirst().filter((author) -> !author.isBlank());
    }

}
