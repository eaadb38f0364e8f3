package io.curio.localstack.dataset;

import java.util.List;
import java.util.Locale;

/**
 * A catalogue, its readers and their history, as loaded from files or generated.
 *
 * @param source a short name for the dataset: the folder name, or {@code sample-<seed>}
 * @param books the catalogue
 * @param readers every reader that appears in the history
 * @param interactions the history, in the order it was read or generated, duplicates kept
 */
public record Dataset(String source, List<Book> books, List<Reader> readers, List<Interaction> interactions) {

    public Dataset {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source must name the dataset, not '" + source + "'");
        }
        books = List.copyOf(books);
        readers = List.copyOf(readers);
        interactions = (interactions instanceof InteractionLog log) ? log : List.copyOf(interactions);
    }

    /** For example {@code 10,000 books, 53,424 readers, 981,756 ratings, 912,705 to-read marks}. */
    public String summary() {
        long ratings = this.interactions.stream().filter(Interaction::isRating).count();
        long toRead = this.interactions.size() - ratings;
        return String.format(Locale.ROOT, "%,d books, %,d readers, %,d ratings, %,d to-read marks",
                this.books.size(), this.readers.size(), ratings, toRead);
    }

}
