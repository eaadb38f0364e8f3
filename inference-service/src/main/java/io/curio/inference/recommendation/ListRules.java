package io.curio.inference.recommendation;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The business rules every list obeys after scoring: premium-only books only for premium readers, books
 * in the reader's language (when both are known), and at most a few books of one author. Counts the books
 * each rule keeps out of lists in {@code curio.inference.rules.removed}, registered at zero for every rule.
 */
public class ListRules {

    /** The plan whose readers may be shown premium-only books. */
    static final String PREMIUM_PLAN = "premium";

    private final ListRuleSettings settings;

    private final Map<Rule, Counter> removed = new EnumMap<>(Rule.class);

    public ListRules(ListRuleSettings settings, MeterRegistry meters) {
        this.settings = settings;
        for (Rule rule : Rule.values()) {
            this.removed.put(rule, Counter.builder("curio.inference.rules.removed")
                .description("Books a business rule kept out of a list they would have been in")
                .tag("rule", rule.tag())
                .register(meters));
        }
    }

    /**
     * The rules for one list.
     * @param plan the reader's plan
     * @param language the reader's language code, or {@code null} when unknown
     * @param books the catalogue's description of a book; a book it does not describe passes every rule
     */
    public ListSelection forList(String plan, String language, Function<String, Optional<CatalogueBook>> books) {
        Optional<String> family = this.settings.languageMatch() ? LanguageFamily.of(language) : Optional.empty();
        return new ListSelection(books, PREMIUM_PLAN.equals(plan), family.orElse(null),
                this.settings.maxPerAuthor(), (rule) -> this.removed.get(rule).increment());
    }

    /** A business rule, as the metric's {@code rule} tag names it. */
    enum Rule {

        /** A premium-only book for a reader without the premium plan. */
        PREMIUM_ONLY("premium-only"),

        /** A book in another language than the reader's. */
        LANGUAGE("language"),

        /** One book more of an author the list already holds the maximum of. */
        AUTHOR_CAP("author-cap");

        private final String tag;

        Rule(String tag) {
            this.tag = tag;
        }

        String tag() {
            return this.tag;
        }

    }

}
