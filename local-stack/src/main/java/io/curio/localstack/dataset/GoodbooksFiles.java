package io.curio.localstack.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a dataset folder in the goodbooks-10k layout: exactly one {@code ratings*.csv[.gz]}, one
 * {@code to_read*.csv[.gz]} and one {@code books.csv[.gz]}, and optionally {@code tags.csv[.gz]} with
 * {@code book_tags.csv[.gz]}.
 *
 * @param tags the tag names, or {@code null} when the folder has no tags or no book tags
 * @param bookTags the tag counts per book, or {@code null} when the folder has no tags or no book tags
 */
record GoodbooksFiles(Path ratings, Path toRead, Path books, Path tags, Path bookTags) {

    private static final String CSV = "\\.csv(\\.gz)?";

    static GoodbooksFiles in(Path folder) {
        List<Path> files = list(folder);
        Path tags = optional(folder, files, "tags" + CSV);
        Path bookTags = optional(folder, files, "book_tags" + CSV);
        boolean tagged = tags != null && bookTags != null;
        return new GoodbooksFiles(required(folder, files, "ratings.*" + CSV),
                required(folder, files, "to_read.*" + CSV), required(folder, files, "books" + CSV),
                tagged ? tags : null, tagged ? bookTags : null);
    }

    boolean hasTags() {
        return this.bookTags != null;
    }

    private static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidDatasetException(folder + ": no such dataset folder");
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).sorted().toList();
        }
        catch (IOException ex) {
            throw new InvalidDatasetException(folder + ": cannot list the dataset folder", ex);
        }
    }

    private static Path required(Path folder, List<Path> files, String regex) {
        Path file = optional(folder, files, regex);
        if (file == null) {
            throw new InvalidDatasetException(folder + ": no file named like " + readable(regex));
        }
        return file;
    }

    private static Path optional(Path folder, List<Path> files, String regex) {
        Pattern pattern = Pattern.compile(regex);
        List<Path> matches = files.stream().filter((file) -> pattern.matcher(file.getFileName().toString()).matches())
            .toList();
        if (matches.size() > 1) {
            throw new InvalidDatasetException(folder + ": more than one file named like " + readable(regex) + ": "
                    + matches.stream().map((file) -> file.getFileName().toString()).toList());
        }
        return matches.isEmpty() ? null : matches.get(0);
    }

    private static String readable(String regex) {
        return regex.replace(".*", "*").replace("\\.csv(\\.gz)?", ".csv[.gz]");
    }

}
