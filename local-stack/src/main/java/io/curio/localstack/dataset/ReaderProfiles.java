package io.curio.localstack.dataset;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Derives the readers of a history: everyone who appears in it, with a plan that is premium for about
 * one reader in five (decided by a hash of the id, so it never changes between loads) and the language
 * they rate most books in.
 */
final class ReaderProfiles {

    static final String FALLBACK_LANGUAGE = "eng";

    static final int PREMIUM_PERCENT = 20;

    /** Numeric ids in numeric order, others after them in text order. */
    static final Comparator<String> ID_ORDER = Comparator.comparingInt(String::length)
        .thenComparing(Comparator.naturalOrder());

    private ReaderProfiles() {
    }

    static List<Reader> of(InteractionLog history, Map<String, String> languageByBook) {
        LanguageCounts counts = new LanguageCounts(history, languageByBook);
        return IntStream.range(0, history.readerCount())
            .boxed()
            .sorted(Comparator.comparing(history::readerId, ID_ORDER))
            .map((reader) -> new Reader(history.readerId(reader), plan(history.readerId(reader)),
                    counts.mostCommon(reader)))
            .toList();
    }

    static String plan(String userId) {
        return (StableHash.below(100, "plan", userId) < PREMIUM_PERCENT) ? Reader.PREMIUM : Reader.FREE;
    }

    /** How many books of each language every reader rated, in one flat table. */
    private static final class LanguageCounts {

        private final List<String> languages;

        private final int[] counts;

        LanguageCounts(InteractionLog history, Map<String, String> languageByBook) {
            this.languages = languageByBook.values().stream().distinct().sorted().toList();
            int[] bookLanguages = bookLanguages(history, languageByBook);
            this.counts = new int[history.readerCount() * this.languages.size()];
            for (int i = 0; i < history.size(); i++) {
                int language = bookLanguages[history.bookAt(i)];
                if (history.isRatingAt(i) && language >= 0) {
                    this.counts[history.readerAt(i) * this.languages.size() + language]++;
                }
            }
        }

        /** The reader's most frequent language, ties going to the first in text order. */
        String mostCommon(int reader) {
            int best = -1;
            for (int language = 0; language < this.languages.size(); language++) {
                int count = this.counts[reader * this.languages.size() + language];
                if (count > 0 && (best < 0 || count > this.counts[reader * this.languages.size() + best])) {
                    best = language;
                }
            }
            return (best >= 0) ? this.languages.get(best) : FALLBACK_LANGUAGE;
        }

        private int[] bookLanguages(InteractionLog history, Map<String, String> languageByBook) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < this.languages.size(); i++) {
                index.put(this.languages.get(i), i);
            }
            int[] bookLanguages = new int[history.bookCount()];
            for (int book = 0; book < bookLanguages.length; book++) {
                String language = languageByBook.get(history.bookId(book));
                bookLanguages[book] = (language != null) ? index.get(language) : -1;
            }
            return bookLanguages;
        }

    }

}
