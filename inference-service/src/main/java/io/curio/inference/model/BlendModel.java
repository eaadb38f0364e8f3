package io.curio.inference.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A collaborative model blended with the content model. Each part's scores are divided by that part's best
 * score for the reader, then mixed with a content share of {@code h / (h + n)} for a reader with {@code n}
 * books: a reader with no history is served by content alone, one with a long history almost entirely by the
 * collaborative model. Books only the content model knows (nobody has read them yet) can still surface.
 */
public final class BlendModel implements RecommendationModel {

    /** Parameter naming {@code h}: the history length at which both parts weigh the same. */
    public static final String CONTENT_HISTORY = "content-history";

    /** Parameter holding the collaborative part's own parameters. */
    public static final String COLLABORATIVE = "collaborative";

    /** Parameter holding the content part's own parameters. */
    public static final String CONTENT = "content";

    private final ModelMetadata metadata;

    private final RecommendationModel collaborative;

    private final ContentModel content;

    private final BookIndex books;

    private final int[] collaborativeIndex;

    private final int[] contentIndex;

    private final float contentHistory;

    private final RankedBooks popular;

    public BlendModel(ModelMetadata metadata, RecommendationModel collaborative, ContentModel content,
            float contentHistory) {
        if (collaborative instanceof BlendModel || !(contentHistory >= 0f) || Float.isInfinite(contentHistory)) {
            throw new IllegalArgumentException("a blend needs a collaborative model that is not a blend and a "
                    + "finite content history, not " + contentHistory);
        }
        this.metadata = metadata;
        this.collaborative = collaborative;
        this.content = content;
        this.contentHistory = contentHistory;
        this.books = union(collaborative.books(), content.books());
        this.collaborativeIndex = positions(this.books, collaborative.books());
        this.contentIndex = positions(this.books, content.books());
        this.popular = new RankedBooks(this.books, readers(collaborative.popular()));
    }

    /** The metadata of a part: the blend's, under the part's algorithm and parameters. */
    public static ModelMetadata partMetadata(ModelMetadata blend, Algorithm part, String parametersKey) {
        Object parameters = blend.parameters().get(parametersKey);
        Map<String, Object> own = new HashMap<>();
        if (parameters instanceof Map<?, ?> map) {
            map.forEach((key, value) -> own.put(String.valueOf(key), value));
        }
        return new ModelMetadata(part.modelName(), blend.version(), blend.createdAt(), blend.dataFrom(),
                blend.dataTo(), blend.events(), blend.interactions(), blend.users(), blend.books(), own,
                blend.trainingSeconds());
    }

    @Override
    public ModelMetadata metadata() {
        return this.metadata;
    }

    @Override
    public BookIndex books() {
        return this.books;
    }

    @Override
    public RankedBooks popular() {
        return this.popular;
    }

    public RecommendationModel collaborative() {
        return this.collaborative;
    }

    public ContentModel content() {
        return this.content;
    }

    public float contentHistory() {
        return this.contentHistory;
    }

    @Override
    public void score(ReaderBooks reader, float[] scores) {
        float share = (this.contentHistory == 0f) ? 0f : this.contentHistory / (this.contentHistory + reader.size());
        if (share < 1f) {
            addPart(this.collaborative, this.collaborativeIndex, reader, 1f - share, scores);
        }
        if (share > 0f) {
            addPart(this.content, this.contentIndex, reader, share, scores);
        }
    }

    @Override
    public BlendModel withMetadata(ModelMetadata metadata) {
        return new BlendModel(metadata, this.collaborative, this.content, this.contentHistory);
    }

    /** Scores one part in its own books, then adds them, scaled by the best one and the share, to the blend's. */
    private static void addPart(RecommendationModel part, int[] index, ReaderBooks reader, float share,
            float[] scores) {
        float[] own = new float[part.books().size()];
        part.score(within(reader, index, own.length), own);
        float best = 0f;
        for (float score : own) {
            best = Math.max(best, score);
        }
        if (best <= 0f) {
            return;
        }
        float scale = share / best;
        for (int book = 0; book < index.length; book++) {
            int position = index[book];
            if (position >= 0) {
                scores[book] += own[position] * scale;
            }
        }
    }

    /** The reader's books that a part knows, as that part's indexes. */
    private static ReaderBooks within(ReaderBooks reader, int[] index, int partBooks) {
        int[] books = new int[reader.size()];
        Signal[] signals = new Signal[reader.size()];
        int kept = 0;
        for (int i = 0; i < reader.size(); i++) {
            int position = index[reader.books()[i]];
            if (position >= 0 && position < partBooks) {
                books[kept] = position;
                signals[kept++] = reader.signals()[i];
            }
        }
        return new ReaderBooks(Arrays.copyOf(books, kept), Arrays.copyOf(signals, kept));
    }

    private static BookIndex union(BookIndex first, BookIndex second) {
        String[] ids = Arrays.copyOf(first.ids().toArray(String[]::new), first.size() + second.size());
        int size = first.size();
        for (int i = 0; i < second.size(); i++) {
            if (first.indexOf(second.id(i)) < 0) {
                ids[size++] = second.id(i);
            }
        }
        return new BookIndex(Arrays.copyOf(ids, size));
    }

    /** For each book of {@code all}, its index in {@code part}, or -1. */
    private static int[] positions(BookIndex all, BookIndex part) {
        int[] positions = new int[all.size()];
        for (int book = 0; book < positions.length; book++) {
            positions[book] = part.indexOf(all.id(book));
        }
        return positions;
    }

    /** The fill ranking's scores over the blend's books, 0 for books the collaborative model does not rank. */
    private float[] readers(RankedBooks ranked) {
        float[] readers = new float[this.books.size()];
        for (int rank = 0; rank < ranked.size(); rank++) {
            readers[this.books.indexOf(ranked.bookAt(rank))] = ranked.scoreAt(rank);
        }
        return readers;
    }

}
