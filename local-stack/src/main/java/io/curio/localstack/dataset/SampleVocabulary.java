package io.curio.localstack.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Words the sample dataset is made of: genres with their shelves, and the pieces of titles, author
 * names, languages and years.
 */
final class SampleVocabulary {

    static final List<Genre> GENRES = List.of(
            new Genre("fantasy", List.of("magic", "dragons", "epic", "quest"),
                    List.of("Dragon", "Crown", "Sword", "Kingdom", "Spell", "Throne")),
            new Genre("science-fiction", List.of("space", "dystopia", "robots", "time-travel"),
                    List.of("Star", "Signal", "Colony", "Machine", "Orbit", "Android")),
            new Genre("mystery", List.of("detective", "crime", "whodunit", "cozy"),
                    List.of("Murder", "Secret", "Clue", "Alibi", "Witness", "Locket")),
            new Genre("romance", List.of("love", "contemporary", "second-chance", "wedding"),
                    List.of("Heart", "Kiss", "Promise", "Summer", "Letter", "Bride")),
            new Genre("thriller", List.of("suspense", "spies", "conspiracy", "psychological"),
                    List.of("Agent", "Code", "Target", "Silence", "Hunt", "Cipher")),
            new Genre("horror", List.of("ghosts", "supernatural", "gothic", "monsters"),
                    List.of("House", "Shadow", "Curse", "Grave", "Night", "Whisper")),
            new Genre("historical-fiction", List.of("war", "victorian", "medieval", "family-saga"),
                    List.of("Empire", "Queen", "River", "Harvest", "Soldier", "Dynasty")),
            new Genre("young-adult", List.of("coming-of-age", "school", "friendship", "first-love"),
                    List.of("Summer", "Rebel", "Girl", "Boy", "Secret", "Year")),
            new Genre("biography", List.of("memoir", "history", "politics", "leaders"),
                    List.of("Life", "Journey", "Voice", "Legacy", "Years", "Road")),
            new Genre("self-help", List.of("productivity", "psychology", "habits", "mindfulness"),
                    List.of("Habit", "Mind", "Focus", "Courage", "Power", "Path")),
            new Genre("business", List.of("leadership", "economics", "startups", "management"),
                    List.of("Strategy", "Market", "Growth", "Leader", "Value", "Deal")),
            new Genre("popular-science", List.of("physics", "biology", "space-science", "evolution"),
                    List.of("Universe", "Gene", "Atom", "Brain", "Planet", "Origin")),
            new Genre("classics", List.of("literature", "19th-century", "russian", "school-reading"),
                    List.of("Pride", "War", "Estate", "Brothers", "Sea", "Road")),
            new Genre("poetry", List.of("verse", "modern-poetry", "anthology", "sonnets"),
                    List.of("Song", "Rain", "Light", "Hymn", "Garden", "Morning")));

    private static final List<String> ADJECTIVES = List.of("Silent", "Last", "Hidden", "Broken", "Golden",
            "Lost", "Burning", "Winter", "Endless", "Forgotten", "Crimson", "Quiet", "Wild", "Distant", "Secret");

    private static final List<String> PLACES = List.of("Ashford", "the North", "Meridian", "Valeport", "the Deep",
            "Kellan Bay", "the Old City", "Thornwood", "the Islands", "Marrow Hill");

    private static final List<String> FIRST_NAMES = List.of("Ada", "Ben", "Clara", "Dmitri", "Elena", "Felix",
            "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Lucas", "Maya", "Nils", "Olga", "Pablo", "Quinn", "Rosa",
            "Samir", "Tove", "Uma", "Victor", "Wen", "Yara", "Zoë");

    private static final List<String> LAST_NAMES = List.of("Abernathy", "Bauer", "Castillo", "Dubois", "Eriksen",
            "Fontaine", "García", "Hartley", "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura",
            "O'Brien", "Petrova", "Quintero", "Rossi", "Sørensen", "Takahashi", "Umarov", "Vega", "Whitfield",
            "Yilmaz", "Zimmermann");

    private static final List<String> LANGUAGES = List.of("spa", "fre", "ger", "ita");

    private SampleVocabulary() {
    }

    static String title(Genre genre, Random words) {
        String noun = pick(genre.nouns(), words);
        return switch (words.nextInt(4)) {
            case 0 -> "The " + pick(ADJECTIVES, words) + " " + noun;
            case 1 -> "The " + noun + " of " + pick(PLACES, words);
            case 2 -> pick(ADJECTIVES, words) + " " + noun + "s";
            default -> "A " + noun + " for " + pick(PLACES, words);
        };
    }

    /** One author (sometimes two) from the genre's own pool, so that authors write several books. */
    static List<String> authors(int firstAuthor, int poolSize, Random words) {
        List<String> authors = new ArrayList<>(2);
        authors.add(author(firstAuthor + words.nextInt(poolSize)));
        if (words.nextDouble() < 0.1) {
            authors.add(author(firstAuthor + words.nextInt(poolSize)));
        }
        return authors.stream().distinct().toList();
    }

    /** Mostly English, a few other languages. */
    static String language(Random words) {
        return (words.nextDouble() < 0.85) ? "eng" : pick(LANGUAGES, words);
    }

    /** First publication: mostly recent decades, a tail back to 1800. */
    static Integer year(Random words) {
        double age = -25 * Math.log(1 - words.nextDouble());
        return (int) Math.max(1800, 2025 - Math.round(age));
    }

    private static String author(int index) {
        return FIRST_NAMES.get(index % FIRST_NAMES.size()) + " "
                + LAST_NAMES.get((index / FIRST_NAMES.size() + index * 7) % LAST_NAMES.size());
    }

    private static String pick(List<String> words, Random random) {
        return words.get(random.nextInt(words.size()));
    }

    /**
     * A taste cluster of the sample.
     *
     * @param name the genre, always the book's first tag
     * @param shelves more specific shelves, two of which each book also carries
     * @param nouns words for titles
     */
    record Genre(String name, List<String> shelves, List<String> nouns) {

        List<String> tags(Random words) {
            int first = words.nextInt(this.shelves.size());
            int second = (first + 1 + words.nextInt(this.shelves.size() - 1)) % this.shelves.size();
            return List.of(this.name, this.shelves.get(first), this.shelves.get(second));
        }

    }

}
