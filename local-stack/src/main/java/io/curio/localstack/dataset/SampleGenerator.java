package io.curio.localstack.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import io.curio.localstack.dataset.SampleVocabulary.Genre;

/**
 * Generates a sample dataset with the shape of real reading data: a few taste clusters (genres), each
 * reader mostly reading one or two of them, a long-tailed (Zipf-like) book popularity, ratings that are
 * higher inside a reader's clusters, and some to-read marks. {@link Random} with a fixed seed makes
 * every run produce the same dataset.
 */
final class SampleGenerator {

    static final int READERS = 5_000;

    static final int BOOKS = 2_000;

    private static final double ZIPF_EXPONENT = 0.9;

    private static final int AUTHORS_PER_GENRE = 60;

    private final Random random;

    private final List<Genre> genres;

    private final List<SampleBook> catalogue;

    private final double[][] cumulativeWeights;

    private final int[][] booksByGenre;

    private SampleGenerator(long seed) {
        this.random = new Random(seed);
        this.genres = genres();
        this.catalogue = catalogue();
        this.booksByGenre = new int[this.genres.size() + 1][];
        this.cumulativeWeights = new double[this.genres.size() + 1][];
        indexPopularity();
    }

    static Dataset generate(long seed) {
        SampleGenerator generator = new SampleGenerator(seed);
        InteractionLog history = generator.history();
        List<Book> books = generator.books(history);
        List<Reader> readers = ReaderProfiles.of(history, languages(books));
        return new Dataset("sample-" + seed, books, readers, history);
    }

    private List<Genre> genres() {
        List<Genre> all = new ArrayList<>(SampleVocabulary.GENRES);
        Collections.shuffle(all, this.random);
        return List.copyOf(all.subList(0, 8 + this.random.nextInt(5)));
    }

    private List<SampleBook> catalogue() {
        int[] ranks = shuffledRanks(BOOKS);
        List<SampleBook> books = new ArrayList<>(BOOKS);
        for (int i = 0; i < BOOKS; i++) {
            int genre = this.random.nextInt(this.genres.size());
            double weight = 1.0 / Math.pow(ranks[i] + 1, ZIPF_EXPONENT);
            books.add(new SampleBook(String.valueOf(i + 1), genre, weight, this.random.nextGaussian() * 0.5));
        }
        return books;
    }

    private int[] shuffledRanks(int size) {
        int[] ranks = new int[size];
        Arrays.setAll(ranks, (i) -> i);
        for (int i = size - 1; i > 0; i--) {
            int j = this.random.nextInt(i + 1);
            int swap = ranks[i];
            ranks[i] = ranks[j];
            ranks[j] = swap;
        }
        return ranks;
    }

    /** Cumulative popularity per genre (and, at the last index, over the whole catalogue) for sampling. */
    private void indexPopularity() {
        for (int genre = 0; genre <= this.genres.size(); genre++) {
            int wanted = genre;
            int[] members = IntStream.range(0, this.catalogue.size())
                .filter((book) -> wanted == this.genres.size() || this.catalogue.get(book).genre() == wanted)
                .toArray();
            double[] cumulative = new double[members.length];
            double sum = 0;
            for (int i = 0; i < members.length; i++) {
                sum += this.catalogue.get(members[i]).weight();
                cumulative[i] = sum;
            }
            this.booksByGenre[genre] = members;
            this.cumulativeWeights[genre] = cumulative;
        }
    }

    private InteractionLog history() {
        InteractionLog.Builder history = InteractionLog.builder();
        for (int reader = 1; reader <= READERS; reader++) {
            readerHistory(String.valueOf(reader), history);
        }
        return history.build();
    }

    private void readerHistory(String userId, InteractionLog.Builder history) {
        int primary = this.random.nextInt(this.genres.size());
        int secondary = (this.random.nextDouble() < 0.6) ? otherGenre(primary) : primary;
        Set<Integer> seen = new HashSet<>();
        int ratings = activity();
        for (int i = 0; i < ratings; i++) {
            int book = unseen(seen, pickGenre(primary, secondary));
            if (book >= 0) {
                history.rating(userId, bookId(book), stars(this.catalogue.get(book), primary, secondary));
            }
        }
        int marks = (this.random.nextDouble() < 0.6) ? 1 + this.random.nextInt(8) : 0;
        for (int i = 0; i < marks; i++) {
            int book = unseen(seen, primary);
            if (book >= 0) {
                history.toRead(userId, bookId(book));
            }
        }
    }

    private int otherGenre(int genre) {
        int other = this.random.nextInt(this.genres.size() - 1);
        return (other >= genre) ? other + 1 : other;
    }

    /** How many books a reader rates: log-normal, a few heavy readers and many light ones. */
    private int activity() {
        double count = Math.exp(Math.log(12) + 0.9 * this.random.nextGaussian());
        return (int) Math.max(3, Math.min(200, Math.round(count)));
    }

    private int pickGenre(int primary, int secondary) {
        double draw = this.random.nextDouble();
        if (draw < 0.7) {
            return primary;
        }
        return (draw < 0.9) ? secondary : this.genres.size();
    }

    /** A popularity-weighted book of the genre the reader has not seen yet, or -1 after a few misses. */
    private int unseen(Set<Integer> seen, int genre) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int book = popularBook(genre);
            if (seen.add(book)) {
                return book;
            }
        }
        return -1;
    }

    private int popularBook(int genre) {
        double[] cumulative = this.cumulativeWeights[genre];
        double target = this.random.nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, target);
        int position = (index >= 0) ? index : Math.min(-index - 1, cumulative.length - 1);
        return this.booksByGenre[genre][position];
    }

    private int stars(SampleBook book, int primary, int secondary) {
        double affinity = (book.genre() == primary) ? 1.0 : (book.genre() == secondary) ? 0.6 : 0.0;
        double score = 2.6 + 1.6 * affinity + book.quality() + 0.8 * this.random.nextGaussian();
        return (int) Math.max(1, Math.min(5, Math.round(score)));
    }

    private String bookId(int book) {
        return this.catalogue.get(book).bookId();
    }

    private List<Book> books(List<Interaction> history) {
        Map<String, double[]> ratingSums = ratingSums(history);
        return this.catalogue.stream().map((book) -> describe(book, ratingSums.get(book.bookId()))).toList();
    }

    private Book describe(SampleBook book, double[] ratingSum) {
        Genre genre = this.genres.get(book.genre());
        Random words = new Random(this.random.nextLong());
        Double average = (ratingSum != null) ? Math.round(100 * ratingSum[0] / ratingSum[1]) / 100.0 : null;
        return new Book(book.bookId(), SampleVocabulary.title(genre, words),
                SampleVocabulary.authors(book.genre() * AUTHORS_PER_GENRE, AUTHORS_PER_GENRE, words),
                SampleVocabulary.language(words), SampleVocabulary.year(words), genre.tags(words), average, null);
    }

    private static Map<String, double[]> ratingSums(List<Interaction> history) {
        Map<String, double[]> sums = new HashMap<>();
        for (Interaction interaction : history) {
            if (interaction.isRating()) {
                double[] sum = sums.computeIfAbsent(interaction.bookId(), (book) -> new double[2]);
                sum[0] += interaction.value();
                sum[1]++;
            }
        }
        return sums;
    }

    private static Map<String, String> languages(List<Book> books) {
        Map<String, String> languages = new HashMap<>();
        books.forEach((book) -> languages.put(book.bookId(), book.language()));
        return languages;
    }

    private record SampleBook(String bookId, int genre, double weight, double quality) {
    }

}
