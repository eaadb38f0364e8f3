package io.curio.localstack.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.curio.events.csv.CsvTable;

/**
 * The most used shelves of each book, from {@code tags.csv} (tag_id, tag_name) and {@code book_tags.csv}
 * (goodreads_book_id, tag_id, count), keyed by the Goodreads book id.
 */
final class TopTags {

    static final int PER_BOOK = 20;

    private final Map<String, List<String>> namesByGoodreadsId;

    private TopTags(Map<String, List<String>> namesByGoodreadsId) {
        this.namesByGoodreadsId = namesByGoodreadsId;
    }

    static TopTags none() {
        return new TopTags(Map.of());
    }

    static TopTags read(Path tags, Path bookTags) {
        Map<String, String> names = tagNames(tags);
        Map<String, List<ScoredTag>> top = topTagIds(bookTags);
        Map<String, List<String>> namesByBook = new HashMap<>(top.size() * 2);
        top.forEach((book, scored) -> namesByBook.put(book, scored.stream()
            .map((tag) -> names.getOrDefault(tag.tagId(), tag.tagId()))
            .distinct()
            .toList()));
        return new TopTags(namesByBook);
    }

    /** The book's top tag names, most used first; empty for an untagged book. */
    List<String> of(String goodreadsBookId) {
        return this.namesByGoodreadsId.getOrDefault(goodreadsBookId, List.of());
    }

    private static Map<String, String> tagNames(Path file) {
        Map<String, String> names = new HashMap<>();
        try (CsvTable table = CsvTable.open(file)) {
            int id = table.column("tag_id");
            int name = table.column("tag_name");
            while (table.next()) {
                names.put(table.id(id), table.text(name).strip());
            }
        }
        return names;
    }

    private static Map<String, List<ScoredTag>> topTagIds(Path file) {
        Map<String, List<ScoredTag>> top = new HashMap<>();
        try (CsvTable table = CsvTable.open(file)) {
            int book = table.column("goodreads_book_id");
            int tag = table.column("tag_id");
            int count = table.column("count");
            while (table.next()) {
                List<ScoredTag> tags = top.computeIfAbsent(table.id(book), (key) -> new ArrayList<>(PER_BOOK + 1));
                offer(tags, new ScoredTag(table.id(tag), table.integer(count)));
            }
        }
        return top;
    }

    /** Keeps the list at the best {@link #PER_BOOK} distinct tags, by count, earlier rows winning ties. */
    private static void offer(List<ScoredTag> tags, ScoredTag candidate) {
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i).tagId().equals(candidate.tagId())) {
                if (candidate.count() <= tags.get(i).count()) {
                    return;
                }
                tags.remove(i);
                break;
            }
        }
        int position = tags.size();
        while (position > 0 && tags.get(position - 1).count() < candidate.count()) {
            position--;
        }
        if (position < PER_BOOK) {
            tags.add(position, candidate);
            if (tags.size() > PER_BOOK) {
                tags.remove(PER_BOOK);
            }
        }
    }

    private record ScoredTag(String tagId, int count) {
    }

}
