package io.curio.localstack.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.curio.events.csv.CsvTable;

/**
 * Reads a folder in the goodbooks-10k format (see the dataset's README): columns by header name, the
 * history exactly as recorded (duplicate ratings included), tags joined through the Goodreads book id.
 */
final class GoodbooksLoader {

    private GoodbooksLoader() {
    }

    /** Reads the catalogue on a second thread while this one reads the history. */
    static Dataset load(Path folder) {
        GoodbooksFiles files = GoodbooksFiles.in(folder);
        ExecutorService catalogueReader = Executors.newSingleThreadExecutor();
        try {
            Future<List<Book>> books = catalogueReader.submit(() -> catalogue(files));
            InteractionLog interactions = history(files);
            List<Book> catalogue = await(books);
            List<Reader> readers = ReaderProfiles.of(interactions, languages(catalogue));
            return new Dataset(folder.getFileName().toString(), catalogue, readers, interactions);
        }
        finally {
            catalogueReader.shutdownNow();
        }
    }

    private static List<Book> catalogue(GoodbooksFiles files) {
        TopTags tags = files.hasTags() ? TopTags.read(files.tags(), files.bookTags()) : TopTags.none();
        return books(files.books(), tags);
    }

    private static InteractionLog history(GoodbooksFiles files) {
        InteractionLog.Builder history = InteractionLog.builder();
        ratings(files.ratings(), history);
        toRead(files.toRead(), history);
        return history.build();
    }

    private static List<Book> await(Future<List<Book>> books) {
        try {
            return books.get();
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new InvalidDatasetException("cannot read the catalogue: " + ex.getCause(), ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new InvalidDatasetException("interrupted while reading the catalogue", ex);
        }
    }

    private static List<Book> books(Path file, TopTags tags) {
        List<Book> books = new ArrayList<>(10_000);
        Set<String> seen = new HashSet<>();
        try (CsvTable table = CsvTable.open(file)) {
            BookColumns columns = BookColumns.of(table);
            while (table.next()) {
                Book book = columns.book(table, tags);
                if (!seen.add(book.bookId())) {
                    throw table.error("book_id " + book.bookId() + " appears twice");
                }
                books.add(book);
            }
        }
        return books;
    }

    private static void ratings(Path file, InteractionLog.Builder history) {
        try (CsvTable table = CsvTable.open(file)) {
            int user = table.column("user_id");
            int book = table.column("book_id");
            int rating = table.column("rating");
            while (table.next()) {
                int stars = table.integer(rating);
                if (stars < 1 || stars > 5) {
                    throw table.error("rating must be 1..5, not " + stars);
                }
                history.rating(table.id(user), table.id(book), stars);
            }
        }
    }

    private static void toRead(Path file, InteractionLog.Builder history) {
        try (CsvTable table = CsvTable.open(file)) {
            int user = table.column("user_id");
            int book = table.column("book_id");
            while (table.next()) {
                history.toRead(table.id(user), table.id(book));
            }
        }
    }

    private static Map<String, String> languages(List<Book> books) {
        Map<String, String> languages = new HashMap<>(books.size() * 2);
        books.stream().filter((book) -> book.language() != null)
            .forEach((book) -> languages.put(book.bookId(), book.language()));
        return languages;
    }

    /** Where the fields of a book are in {@code books.csv}. */
    private record BookColumns(int bookId, int goodreadsId, int title, int authors, int language, int year,
            int averageRating, int imageUrl) {

        static BookColumns of(CsvTable table) {
            return new BookColumns(table.column("book_id"), table.column("goodreads_book_id"),
                    table.column("title"), table.column("authors"), table.column("language_code"),
                    table.column("original_publication_year"), table.column("average_rating"),
                    table.column("image_url"));
        }

        Book book(CsvTable table, TopTags tags) {
            return new Book(table.id(this.bookId), table.text(this.title).strip(), authors(table.text(this.authors)),
                    table.optionalText(this.language), table.wholeNumber(this.year), tags.of(goodreadsId(table)),
                    table.optionalDecimal(this.averageRating), table.optionalText(this.imageUrl));
        }

        private String goodreadsId(CsvTable table) {
            String id = table.optionalText(this.goodreadsId);
            return (id != null) ? id : "";
        }

        private static List<String> authors(String text) {
            return Arrays.stream(text.split(", ")).map(String::strip).filter((name) -> !name.isEmpty()).toList();
        }

    }

}
