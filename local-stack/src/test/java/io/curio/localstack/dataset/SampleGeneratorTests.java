package io.curio.localstack.dataset;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SampleGeneratorTests {

    private static Dataset sample;

    @BeforeAll
    static void generate() {
        sample = Datasets.sample(42);
    }

    @Test
    void generatesTheSameDatasetForTheSameSeed() {
        Dataset again = Datasets.sample(42);

        assertThat(again.books()).isEqualTo(sample.books());
        assertThat(again.readers()).isEqualTo(sample.readers());
        assertThat(again.interactions()).isEqualTo(sample.interactions());
    }

    @Test
    void generatesADifferentDatasetForAnotherSeed() {
        Dataset other = Datasets.sample(43);

        assertThat(other.source()).isEqualTo("sample-43");
        assertThat(other.interactions()).isNotEqualTo(sample.interactions());
    }

    @Test
    void hasTheSizeOfASmallReadingApp() {
        assertThat(sample.source()).isEqualTo("sample-42");
        assertThat(sample.books()).hasSize(2_000);
        assertThat(sample.readers()).hasSize(5_000);
        assertThat(sample.interactions()).hasSizeBetween(50_000, 200_000);
        assertThat(sample.interactions()).anyMatch((interaction) -> !interaction.isRating());
    }

    @Test
    void tagsEveryBookWithOneOfEightToTwelveClusters() {
        Set<String> clusters = sample.books().stream().map((book) -> book.tags().get(0)).collect(Collectors.toSet());

        assertThat(clusters).hasSizeBetween(8, 12);
        assertThat(sample.books()).allSatisfy((book) -> {
            assertThat(book.title()).isNotBlank();
            assertThat(book.authors()).isNotEmpty();
        });
    }

    @Test
    void concentratesInteractionsOnPopularBooks() {
        List<Long> perBook = countsPerBook().values().stream().sorted(Comparator.reverseOrder()).toList();
        long total = perBook.stream().mapToLong(Long::longValue).sum();
        long top = perBook.subList(0, 200).stream().mapToLong(Long::longValue).sum();

        assertThat((double) top / total).isGreaterThan(0.4);
    }

    @Test
    void keepsEachReaderMostlyInOneOrTwoClusters() {
        Map<String, String> clusterOfBook = sample.books().stream()
            .collect(Collectors.toMap(Book::bookId, (book) -> book.tags().get(0)));
        Map<String, Map<String, Long>> clustersPerReader = sample.interactions().stream()
            .collect(Collectors.groupingBy(Interaction::userId,
                    Collectors.groupingBy((interaction) -> clusterOfBook.get(interaction.bookId()),
                            Collectors.counting())));

        double share = clustersPerReader.values().stream().mapToDouble(SampleGeneratorTests::topTwoShare).average()
            .orElseThrow();

        assertThat(share).isGreaterThan(0.8);
    }

    @Test
    void ratesBooksOfTheReadersOwnClusterHigher() {
        Map<String, String> clusterOfBook = sample.books().stream()
            .collect(Collectors.toMap(Book::bookId, (book) -> book.tags().get(0)));
        Map<String, String> favourite = favouriteClusters(clusterOfBook);
        double inside = averageRating(clusterOfBook, favourite, true);
        double outside = averageRating(clusterOfBook, favourite, false);

        assertThat(inside).isGreaterThan(outside + 0.7);
        assertThat(sample.interactions()).filteredOn(Interaction::isRating)
            .allSatisfy((rating) -> assertThat(rating.value()).isBetween(1, 5));
    }

    private static Map<String, Long> countsPerBook() {
        return sample.interactions().stream().collect(Collectors.groupingBy(Interaction::bookId,
                Collectors.counting()));
    }

    private static double topTwoShare(Map<String, Long> counts) {
        List<Long> sorted = counts.values().stream().sorted(Comparator.reverseOrder()).toList();
        long total = sorted.stream().mapToLong(Long::longValue).sum();
        return (double) sorted.stream().limit(2).mapToLong(Long::longValue).sum() / total;
    }

    private static Map<String, String> favouriteClusters(Map<String, String> clusterOfBook) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        sample.interactions().forEach((interaction) -> counts.computeIfAbsent(interaction.userId(),
                (user) -> new HashMap<>()).merge(clusterOfBook.get(interaction.bookId()), 1L, Long::sum));
        Map<String, String> favourite = new HashMap<>();
        counts.forEach((user, perCluster) -> favourite.put(user,
                perCluster.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()));
        return favourite;
    }

    private static double averageRating(Map<String, String> clusterOfBook, Map<String, String> favourite,
            boolean inFavourite) {
        return sample.interactions().stream()
            .filter(Interaction::isRating)
            .filter((rating) -> clusterOfBook.get(rating.bookId()).equals(favourite.get(rating.userId()))
                    == inFavourite)
            .mapToInt(Interaction::value)
            .average()
            .orElseThrow();
    }

}
