package io.curio.localstack.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

class DatasetsTests {

    private static final String BOOKS_HEADER = "book_id,goodreads_book_id,authors,original_publication_year,"
            + "title,language_code,average_rating,image_url\n";

    private static Dataset small;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadSmallExtract() {
        small = Datasets.load(SharedData.folder("goodbooks-10k-small"));
    }

    @Test
    void loadsEveryRowOfTheSmallExtract() {
        assertThat(small.source()).isEqualTo("goodbooks-10k-small");
        assertThat(small.summary())
            .isEqualTo("10,000 books, 2,000 readers, 36,755 ratings, 23,534 to-read marks");
        assertThat(small.interactions()).hasSize(36_755 + 23_534);
    }

    @Test
    void readsRatingColumnsByHeaderName() {
        assertThat(small.interactions().get(0)).isEqualTo(Interaction.rating("314", "1", 5));
        assertThat(small.interactions().get(36_755)).isEqualTo(Interaction.toRead("1", "112"));
    }

    @Test
    void readsBookAttributes() {
        Map<String, Book> books = small.books().stream().collect(Collectors.toMap(Book::bookId, Function.identity()));

        assertThat(books.get("1")).isEqualTo(new Book("1", "The Hunger Games (The Hunger Games, #1)",
                List.of("Suzanne Collins"), "eng", 2008, List.of(), 4.34,
                "https://images.gr-assets.com/books/1447303603m/2767052.jpg"));
        assertThat(books.get("2").authors()).containsExactly("J.K. Rowling", "Mary GrandPré");
        assertThat(books.get("79").year()).isEqualTo(-720);
        assertThat(books.get("220").year()).isNull();
        assertThat(books.get("221").title()).isEqualTo("A Child Called \"It\" (Dave Pelzer #1)");
    }

    @Test
    void givesAboutOneReaderInFivePremium() {
        long premium = small.readers().stream().filter((reader) -> reader.plan().equals(Reader.PREMIUM)).count();

        assertThat(premium).isBetween(340L, 460L);
        assertThat(small.readers().get(0).userId()).isEqualTo("1");
        assertThat(small.readers().get(1999).userId()).isEqualTo("2000");
    }

    @Test
    void makesAboutOneBookInTenPremiumOnlyTheSameOnEveryLoad() {
        Dataset again = Datasets.load(SharedData.folder("goodbooks-10k-small"));

        long premiumOnly = small.books().stream().filter(Book::premiumOnly).count();

        assertThat(premiumOnly).isBetween(900L, 1100L);
        assertThat(again.books()).extracting(Book::premiumOnly)
            .containsExactlyElementsOf(small.books().stream().map(Book::premiumOnly).toList());
    }

    @Test
    void decidesPlansFromTheIdAlone() {
        Dataset again = Datasets.load(SharedData.folder("goodbooks-10k-small"));

        assertThat(again.readers()).isEqualTo(small.readers());
    }

    @Test
    void givesReadersTheLanguageTheyRateMost() throws IOException {
        Path folder = folder("lang");
        write(folder.resolve("books.csv"), BOOKS_HEADER + "1,11,A,2000.0,T1,spa,4.0,\n2,12,B,2001.0,T2,eng,4.0,\n"
                + "3,13,C,2002.0,T3,spa,4.0,\n4,14,D,,T4,,,\n");
        write(folder.resolve("ratings.csv"), "user_id,book_id,rating\n7,1,4\n7,2,5\n7,3,3\n8,4,2\n");
        write(folder.resolve("to_read.csv"), "user_id,book_id\n9,2\n");

        Dataset dataset = Datasets.load(folder);

        assertThat(dataset.readers()).extracting(Reader::userId, Reader::language)
            .containsExactly(tuple("7", "spa"),
                    tuple("8", "eng"), tuple("9", "eng"));
    }

    @Test
    void keepsDuplicateRatings() throws IOException {
        Path folder = minimalFolder("dupes", "user_id,book_id,rating\n7,1,4\n7,1,4\n");

        Dataset dataset = Datasets.load(folder);

        assertThat(dataset.interactions()).containsExactly(Interaction.rating("7", "1", 4),
                Interaction.rating("7", "1", 4));
    }

    @Test
    void joinsTagsThroughTheGoodreadsIdMostUsedFirst() throws IOException {
        Path folder = minimalFolder("tags", "user_id,book_id,rating\n7,1,4\n");
        gzip(folder.resolve("tags.csv.gz"), "tag_id,tag_name\n0,to-read\n1,fantasy\n2,magic\n3,dragons\n4,epic\n"
                + "5,owned\n6,kindle\n");
        gzip(folder.resolve("book_tags.csv.gz"), "goodreads_book_id,tag_id,count\n11,5,3\n11,0,90\n11,6,1\n"
                + "11,1,50\n11,2,40\n11,3,40\n11,4,10\n1,1,999\n");

        Dataset dataset = Datasets.load(folder);

        assertThat(dataset.books().get(0).tags()).containsExactly("to-read", "fantasy", "magic", "dragons", "epic",
                "owned", "kindle");
    }

    @Test
    void keepsTheTwentyMostUsedTagsOfABook() throws IOException {
        Path folder = minimalFolder("manytags", "user_id,book_id,rating\n7,1,4\n");
        StringBuilder tags = new StringBuilder("tag_id,tag_name\n");
        StringBuilder uses = new StringBuilder("goodreads_book_id,tag_id,count\n");
        for (int tag = 0; tag < 25; tag++) {
            tags.append(tag).append(",shelf-").append(tag).append('\n');
            uses.append("11,").append(tag).append(',').append(100 - tag).append('\n');
        }
        gzip(folder.resolve("tags.csv.gz"), tags.toString());
        gzip(folder.resolve("book_tags.csv.gz"), uses.toString());

        Dataset dataset = Datasets.load(folder);

        assertThat(dataset.books().get(0).tags()).hasSize(20).startsWith("shelf-0", "shelf-1").endsWith("shelf-19");
    }

    @Test
    void rejectsAMissingFolder() {
        Path missing = this.temp.resolve("nowhere");

        assertThatThrownBy(() -> Datasets.load(missing)).isInstanceOf(InvalidDatasetException.class)
            .hasMessageContaining(missing.toString())
            .hasMessageContaining("no such dataset folder");
    }

    @Test
    void rejectsAFolderWithoutRatings() throws IOException {
        Path folder = minimalFolder("noratings", "user_id,book_id,rating\n");
        Files.delete(folder.resolve("ratings.csv"));

        assertThatThrownBy(() -> Datasets.load(folder)).isInstanceOf(InvalidDatasetException.class)
            .hasMessageContaining("no file named like ratings*.csv[.gz]");
    }

    @Test
    void rejectsTwoRatingsFiles() throws IOException {
        Path folder = minimalFolder("tworatings", "user_id,book_id,rating\n");
        write(folder.resolve("ratings-v2.csv"), "user_id,book_id,rating\n");

        assertThatThrownBy(() -> Datasets.load(folder)).isInstanceOf(InvalidDatasetException.class)
            .hasMessageContaining("more than one file named like ratings*.csv[.gz]")
            .hasMessageContaining("ratings-v2.csv");
    }

    @Test
    void rejectsAMissingColumnNamingFileAndHeader() throws IOException {
        Path folder = minimalFolder("nocolumn", "user_id,book_id,stars\n7,1,4\n");

        assertThatThrownBy(() -> Datasets.load(folder)).isInstanceOf(InvalidDatasetException.class)
            .hasMessage(folder.resolve("ratings.csv") + ", line 1: no column 'rating' in the header "
                    + "user_id,book_id,stars");
    }

    @Test
    void rejectsABadNumberNamingFileAndLine() throws IOException {
        Path folder = minimalFolder("badnumber", "book_id,user_id,rating\n1,7,4\n1,8,five\n");

        assertThatThrownBy(() -> Datasets.load(folder)).isInstanceOf(InvalidDatasetException.class)
            .hasMessage(folder.resolve("ratings.csv") + ", line 3: rating is not a valid number: 'five'");
    }

    @Test
    void rejectsAFractionalYear() throws IOException {
        Path folder = minimalFolder("badyear", "user_id,book_id,rating\n");
        write(folder.resolve("books.csv"), BOOKS_HEADER + "1,11,A,2000.5,T1,eng,4.0,\n");

        assertThatThrownBy(() -> Datasets.load(folder)).isInstanceOf(InvalidDatasetException.class)
            .hasMessage(folder.resolve("books.csv") + ", line 2: original_publication_year is not a valid number: "
                    + "'2000.5'");
    }

    private Path minimalFolder(String name, String ratings) throws IOException {
        Path folder = folder(name);
        write(folder.resolve("books.csv"), BOOKS_HEADER + "1,11,\"Doe, Jane\",2000.0,T1,eng,4.0,\n");
        write(folder.resolve("ratings.csv"), ratings);
        write(folder.resolve("to_read.csv"), "user_id,book_id\n");
        return folder;
    }

    private Path folder(String name) throws IOException {
        return Files.createDirectories(this.temp.resolve(name));
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void gzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

}
