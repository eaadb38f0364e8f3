package io.curio.inference.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.curio.events.csv.CsvTable;
import io.curio.inference.model.Signal;
import io.curio.inference.training.BookAttributes;
import io.curio.inference.training.InteractionsBuilder;

/**
 * Reads a folder in the goodbooks-10k layout for an evaluation: one {@code ratings*.csv[.gz]}
 * ({@code user_id,book_id,rating}, in any column order), one {@code to_read*.csv[.gz]}, {@code books.csv[.gz]},
 * and optionally {@code tags.csv[.gz]} with {@code book_tags.csv[.gz]}, joined through
 * {@code goodreads_book_id}. Ratings of 4 and 5 are strong positives, lower ones are remembered as read, and
 * to-read marks are saved books. The files carry no times, so every interaction has the same.
 */
public final class GoodbooksFolder {

    /** Tags kept per book, the most used first, as the local stack serves them. */
    static final int TAGS_PER_BOOK = 20;

    private final Path folder;

    private GoodbooksFolder(Path folder) {
        this.folder = folder;
    }

    /**
     * Reads the folder.
     *
     * @param toRead whether to read the to-read marks; without them the folder needs no to-read file
     * @throws InvalidEvaluationInputException when the folder or a required file is missing or ambiguous
     * @throws io.curio.events.csv.MalformedCsvException naming the file and line of a malformed row
     */
    public static EvaluationData read(Path folder, boolean toRead) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidEvaluationInputException("no dataset folder at " + folder);
        }
        return new GoodbooksFolder(folder).read(toRead);
    }

    private EvaluationData read(boolean toRead) {
        List<Path> files = files();
        InteractionsBuilder interactions = new InteractionsBuilder();
        LowRatings.Builder lowRatings = LowRatings.builder();
        readRatings(only(files, "ratings.*", true), interactions, lowRatings);
        if (toRead) {
            readToRead(only(files, "to_read.*", true), interactions);
        }
        Path tags = only(files, "tags", false);
        Path bookTags = only(files, "book_tags", false);
        Map<String, List<String>> tagsByGoodreadsId = (tags != null && bookTags != null)
                ? topTags(tags, bookTags) : Map.of();
        List<BookAttributes> catalogue = readBooks(only(files, "books", true), tagsByGoodreadsId);
        return new EvaluationData(this.folder.toString(), interactions.build(), lowRatings.build(), catalogue,
                catalogue.size());
    }

    private List<Path> files() {
        try (Stream<Path> entries = Files.list(this.folder)) {
            return entries.filter(Files::isRegularFile).sorted().toList();
        }
        catch (IOException ex) {
            throw new InvalidEvaluationInputException("cannot list " + this.folder + ": " + ex.getMessage());
        }
    }

    /** The one file whose name is {@code stem} with {@code .csv} or {@code .csv.gz}; null when optional and none. */
    private Path only(List<Path> files, String stem, boolean required) {
        Pattern name = Pattern.compile(stem + "\\.csv(\\.gz)?");
        List<Path> matching = files.stream().filter((file) -> name.matcher(file.getFileName().toString()).matches())
            .toList();
        String wanted = stem.replace(".*", "*") + ".csv[.gz]";
        if (matching.size() > 1) {
            throw new InvalidEvaluationInputException(this.folder + " holds more than one " + wanted + ": "
                    + matching.stream().map(Path::getFileName).toList());
        }
        if (matching.isEmpty() && required) {
            throw new InvalidEvaluationInputException("no " + wanted + " in " + this.folder);
        }
        return matching.isEmpty() ? null : matching.get(0);
    }

    private static void readRatings(Path file, InteractionsBuilder interactions, LowRatings.Builder lowRatings) {
        eachRow(file, List.of("user_id", "book_id", "rating"), (row, at) -> {
            int rating = row.integer(at[2]);
            if (rating < 1 || rating > 5) {
                throw row.error("rating must be 1..5, not " + rating);
            }
            if (rating >= 4) {
                interactions.addPositive(row.id(at[0]), row.id(at[1]), 0, Signal.STRONG);
            }
            else {
                lowRatings.add(row.id(at[0]), row.id(at[1]));
            }
        });
    }

    private static void readToRead(Path file, InteractionsBuilder interactions) {
        eachRow(file, List.of("user_id", "book_id"),
                (row, at) -> interactions.addPositive(row.id(at[0]), row.id(at[1]), 0, Signal.SAVED));
    }

    private static List<BookAttributes> readBooks(Path file, Map<String, List<String>> tagsByGoodreadsId) {
        Map<String, BookAttributes> books = new LinkedHashMap<>();
        List<String> columns = List.of("book_id", "goodreads_book_id", "authors", "language_code",
                "original_publication_year");
        eachRow(file, columns, (row, at) -> {
            String goodreadsId = row.optionalText(at[1]);
            BookAttributes book = new BookAttributes(row.id(at[0]), authorsOf(row.text(at[2])),
                    (goodreadsId != null) ? tagsByGoodreadsId.getOrDefault(goodreadsId, List.of()) : List.of(),
                    row.optionalText(at[3]), row.wholeNumber(at[4]));
            if (books.putIfAbsent(book.bookId(), book) != null) {
                throw row.error("book_id " + book.bookId() + " appears more than once");
            }
        });
        return List.copyOf(books.values());
    }

    private static List<String> authorsOf(String field) {
        return Arrays.stream(field.split(",")).map(String::strip).filter((author) -> !author.isEmpty()).toList();
    }

    /** Per Goodreads book id, the names of its most used tags, most used first. */
    private static Map<String, List<String>> topTags(Path tagsFile, Path bookTagsFile) {
        Map<String, String> names = new HashMap<>();
        eachRow(tagsFile, List.of("tag_id", "tag_name"),
                (row, at) -> names.put(row.id(at[0]), row.text(at[1]).strip()));
        Map<String, List<TagUse>> uses = new HashMap<>();
        eachRow(bookTagsFile, List.of("goodreads_book_id", "tag_id", "count"), (row, at) -> {
            String tagId = row.id(at[1]);
            uses.computeIfAbsent(row.id(at[0]), (key) -> new ArrayList<>())
                .add(new TagUse(names.getOrDefault(tagId, tagId), row.integer(at[2])));
        });
        Map<String, List<String>> top = new HashMap<>(uses.size() * 2);
        uses.forEach((book, used) -> top.put(book, mostUsed(used)));
        return top;
    }

    /** Hands each row of a file to {@code visitor} with the positions of {@code columns}, in that order. */
    private static void eachRow(Path file, List<String> columns, RowVisitor visitor) {
        try (CsvTable table = CsvTable.open(file)) {
            int[] positions = columns.stream().mapToInt(table::column).toArray();
            while (table.next()) {
                visitor.visit(table, positions);
            }
        }
    }

    private static List<String> mostUsed(List<TagUse> uses) {
        Set<String> names = new LinkedHashSet<>();
        uses.stream().sorted(Comparator.comparingLong(TagUse::count).reversed())
            .takeWhile((use) -> names.size() < TAGS_PER_BOOK)
            .forEach((use) -> names.add(use.name()));
        return List.copyOf(names);
    }

    private record TagUse(String name, long count) {
    }

    private interface RowVisitor {

        void visit(CsvTable row, int[] positions);

    }

}
