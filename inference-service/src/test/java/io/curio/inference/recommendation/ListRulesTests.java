package io.curio.inference.recommendation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.curio.inference.model.Models;
import io.curio.inference.model.NeighbourModel;
import io.curio.inference.model.PopularityModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListRulesTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final ListRules rules = new ListRules(new ListRuleSettings(true, 2), this.meters);

    @Test
    void keepsPremiumOnlyBooksFromReadersWithoutThePremiumPlan() {
        Function<String, Optional<CatalogueBook>> books = catalogue(book("p", "Ann", "eng", true));

        assertThat(this.rules.forList("free", null, books).admit("p")).isFalse();
        assertThat(this.rules.forList("trial", null, books).admit("p")).isFalse();
        assertThat(this.rules.forList("premium", null, books).admit("p")).isTrue();
        assertThat(removed("premium-only")).isEqualTo(2);
    }

    @Test
    void keepsBooksInAnotherLanguageFromAReaderWithALanguage() {
        Function<String, Optional<CatalogueBook>> books = catalogue(book("es", "Ann", "spa", false),
                book("us", "Bob", "en-US", false), book("gb", "Cy", "en-GB", false), book("ca", "Di", "en-CA", false),
                book("en", "Ed", "en", false), book("unknown", "Flo", null, false));
        ListSelection english = this.rules.forList("free", "eng", books);

        assertThat(Stream.of("es", "us", "gb", "ca", "en", "unknown").filter(english::admit))
            .containsExactly("us", "gb", "ca", "en", "unknown");
        assertThat(this.rules.forList("free", "spa", books).admit("us")).isFalse();
        assertThat(this.rules.forList("free", "es", books).admit("es")).isTrue();
        assertThat(removed("language")).isEqualTo(2);
    }

    @Test
    void letsEveryLanguageThroughWhenTheReadersIsUnknownOrTheRuleIsOff() {
        Function<String, Optional<CatalogueBook>> books = catalogue(book("es", "Ann", "spa", false));
        ListRules languageOff = new ListRules(new ListRuleSettings(false, 2), this.meters);

        assertThat(this.rules.forList("free", null, books).admit("es")).isTrue();
        assertThat(this.rules.forList("free", "mul", books).admit("es")).isTrue();
        assertThat(languageOff.forList("free", "eng", books).admit("es")).isTrue();
        assertThat(removed("language")).isZero();
    }

    @Test
    void listsAtMostTwoBooksOfTheFirstListedAuthor() {
        Function<String, Optional<CatalogueBook>> books = catalogue(book("a1", "Ann", "eng", false),
                book("a2", "Ann", "eng", false), coAuthored("ba", "Bob", "Ann"), book("a3", "Ann", "eng", false),
                book("b1", "Bob", "eng", false), coAuthored("anonymous"), coAuthored("anonymous-too"),
                coAuthored("anonymous-three"));
        ListSelection selection = this.rules.forList("free", "eng", books);

        assertThat(Stream.of("a1", "a2", "ba", "a3", "b1", "anonymous", "anonymous-too", "anonymous-three")
            .filter(selection::admit)).containsExactly("a1", "a2", "ba", "b1", "anonymous", "anonymous-too",
                    "anonymous-three");
        assertThat(removed("author-cap")).isEqualTo(1);
    }

    @Test
    void countsOnlyAdmittedBooksAgainstTheirAuthor() {
        Function<String, Optional<CatalogueBook>> books = catalogue(book("premium", "Ann", "eng", true),
                book("a1", "Ann", "eng", false), book("a2", "Ann", "eng", false));

        ListSelection selection = this.rules.forList("free", null, books);

        assertThat(Stream.of("premium", "a1", "a2").filter(selection::admit)).containsExactly("a1", "a2");
    }

    @Test
    void liftsTheAuthorCapWhenItIsZero() {
        Function<String, Optional<CatalogueBook>> books = catalogue(book("a1", "Ann", null, false),
                book("a2", "Ann", null, false), book("a3", "Ann", null, false));
        ListRules uncapped = new ListRules(new ListRuleSettings(true, 0), this.meters);

        ListSelection selection = uncapped.forList("premium", null, books);

        assertThat(Stream.of("a1", "a2", "a3").filter(selection::admit)).hasSize(3);
        assertThat(selection.candidates(10)).isEqualTo(10);
    }

    @Test
    void admitsBooksTheCatalogueDoesNotDescribe() {
        ListSelection selection = this.rules.forList("free", "eng", (bookId) -> Optional.empty());

        assertThat(Stream.of("x", "y", "z").filter(selection::admit)).containsExactly("x", "y", "z");
    }

    @Test
    void registersEveryRulesCounterAtZero() {
        assertThat(this.meters.get("curio.inference.rules.removed").counters()).hasSize(3)
            .allSatisfy((counter) -> assertThat(counter.count()).isZero());
    }

    @Test
    void replacesAPremiumOnlyBookOfAFreeReadersListWithTheNextAllowedOne() {
        Function<String, Optional<CatalogueBook>> books = catalogue(book("b", "Bob", "eng", true),
                book("c", "Cy", "eng", false), book("d", "Di", "eng", false), book("e", "Ed", "eng", false));

        List<ScoredBook> free = rank(this.rules.forList("free", "eng", books), "a");
        List<ScoredBook> premium = rank(this.rules.forList("premium", "eng", books), "a");

        assertThat(free).extracting(ScoredBook::bookId).containsExactly("c", "e", "d");
        assertThat(free).extracting(ScoredBook::score).isSortedAccordingTo((x, y) -> Float.compare(y, x));
        assertThat(premium).extracting(ScoredBook::bookId).containsExactly("b", "c", "e");
    }

    @Test
    void fillsTheListPastAnAuthorWhoseBooksScoreBest() {
        Function<String, Optional<CatalogueBook>> books = catalogue(book("a", "Ann", "eng", false),
                book("b", "Ann", "eng", false), book("c", "Ann", "eng", false), book("d", "Di", "eng", false),
                book("e", "Ann", "eng", false));
        ListRules onePerAuthor = new ListRules(new ListRuleSettings(true, 1), this.meters);

        List<ScoredBook> ranked = rank(onePerAuthor.forList("premium", "eng", books), "a", "b");

        assertThat(ranked).extracting(ScoredBook::bookId).containsExactly("a", "d");
        assertThat(removed("author-cap")).isEqualTo(3);
    }

    /** Books a..e scored by {@link Models#neighbours}, filled from popularity e, d, c, b, a; three at most. */
    private static List<ScoredBook> rank(ListSelection selection, String... clicked) {
        NeighbourModel neighbours = Models.neighbours("v1");
        PopularityModel popularity = Models.popularity("v1", new String[] { "e", "d", "c", "b", "a" },
                new float[] { 50, 40, 30, 20, 10 });
        UserHistory history = new UserHistory(Stream.of(clicked)
            .map((bookId) -> new UserHistory.Entry(bookId, "click", null))
            .toList());
        return new Ranking((bookId) -> true, selection).rank(neighbours, popularity.popular(), history, 3);
    }

    private double removed(String rule) {
        return this.meters.get("curio.inference.rules.removed").tag("rule", rule).counter().count();
    }

    private static Function<String, Optional<CatalogueBook>> catalogue(CatalogueBook... books) {
        Map<String, CatalogueBook> byId = Stream.of(books)
            .collect(Collectors.toMap(CatalogueBook::bookId, Function.identity()));
        return (bookId) -> Optional.ofNullable(byId.get(bookId));
    }

    private static CatalogueBook book(String bookId, String author, String language, boolean premiumOnly) {
        return new CatalogueBook(bookId, "Title " + bookId, List.of(author), language, 2001, List.of(), premiumOnly);
    }

    private static CatalogueBook coAuthored(String bookId, String... authors) {
        return new CatalogueBook(bookId, "Title " + bookId, List.of(authors), null, null, null, null);
    }

}
