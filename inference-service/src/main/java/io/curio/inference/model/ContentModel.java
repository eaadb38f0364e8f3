package io.curio.inference.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Book attributes as served: every book is a sparse, L2-normalized vector of weighted features (authors, tags,
 * language, period). A reader's profile is the signal-weighted sum of the vectors of their books, normalized, and
 * a book's score is its cosine with the profile, so a book nobody has read scores like any other. The vectors are
 * held twice in CSR arrays: by book, to build a profile, and inverted by feature, so that scoring touches only
 * the books that share a feature with the profile.
 * <p>
 * Scoring skips the profile's features that weigh less than the {@value #PROFILE_THRESHOLD} parameter (at most a
 * quarter of the profile's largest weight, so that a widely spread profile keeps its features). Such a feature
 * moves a cosine by less than its weight, yet these faint features, mostly common tags, own most of the inverted
 * index. On goodbooks-10k a threshold of 0.03 left Recall@20 unchanged and about halved the time to score a long
 * history.
 * <p>
 * Artifact, after the header and the {@code n} book ids:
 *
 * <pre>
 * n x int               readers per book (distinct positive readers; 0 for books nobody read)
 * int                   f, the number of features
 * (n + 1) x int         offsets by book (offsets[0] = 0, never decreasing)
 * offsets[n] x int      feature index, ascending within a book, below f
 * offsets[n] x float    feature value
 * </pre>
 */
public final class ContentModel implements RecommendationModel {

    /** Parameter naming the weight below which a feature of a reader's unit-length profile is not scored. */
    public static final String PROFILE_THRESHOLD = "profile-threshold";

    private static final int MAX_FEATURES = 10_000_000;

    private static final int MAX_FEATURES_PER_BOOK = 10_000;

    private static final int READ_CHUNK = 1 << 16;

    private final ModelMetadata metadata;

    private final BookIndex books;

    private final int[] readers;

    private final Vectors vectors;

    private final Vectors postings;

    private final SignalWeights signalWeights;

    private final float profileThreshold;

    private final RankedBooks popular;

    /**
     * @param readers per book, how many readers liked it, for filling lists
     * @param vectors per book, its normalized feature vector
     */
    public ContentModel(ModelMetadata metadata, BookIndex books, int[] readers, Vectors vectors) {
        this(metadata, books, readers, vectors, vectors.transpose());
    }

    private ContentModel(ModelMetadata metadata, BookIndex books, int[] readers, Vectors vectors, Vectors postings) {
        checkShape(books, readers, vectors);
        this.metadata = metadata;
        this.books = books;
        this.readers = readers;
        this.vectors = vectors;
        this.postings = postings;
        this.signalWeights = SignalWeights.fromParameters(metadata.parameters());
        this.profileThreshold = profileThreshold(metadata.parameters().get(PROFILE_THRESHOLD));
        this.popular = new RankedBooks(books, asFloats(readers));
    }

    private static void checkShape(BookIndex books, int[] readers, Vectors vectors) {
        if (readers.length != books.size() || vectors.rows() != books.size()) {
            throw new IllegalArgumentException("content model has " + readers.length + " reader counts and "
                    + vectors.rows() + " vectors for " + books.size() + " books");
        }
        for (int count : readers) {
            if (count < 0) {
                throw new IllegalArgumentException("negative reader count: " + count);
            }
        }
    }

    private static float profileThreshold(Object parameter) {
        if (parameter == null) {
            return 0f;
        }
        float threshold = (parameter instanceof Number number) ? number.floatValue() : Float.NaN;
        if (!(threshold >= 0f && threshold < 1f)) {
            throw new IllegalArgumentException(PROFILE_THRESHOLD + " must be a number from 0 to 1, not " + parameter);
        }
        return threshold;
    }

    private static float[] asFloats(int[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = values[i];
        }
        return floats;
    }

    @Override
    public ModelMetadata metadata() {
        return this.metadata;
    }

    @Override
    public BookIndex books() {
        return this.books;
    }

    /** Books by their number of readers; books nobody has read come last. */
    @Override
    public RankedBooks popular() {
        return this.popular;
    }

    @Override
    public SignalWeights signalWeights() {
        return this.signalWeights;
    }

    /** Adds each book's cosine with the reader's profile; a reader without a weighted book adds nothing. */
    @Override
    public void score(ReaderBooks reader, float[] scores) {
        ReaderBooks.Weighted weighted = reader.weighted(this.signalWeights);
        if (weighted.size() == 0) {
            return;
        }
        Profile profile = profile(weighted);
        int[] offsets = this.postings.offsets();
        int[] postingBooks = this.postings.indexes();
        float[] values = this.postings.values();
        for (int i = 0; i < profile.features().length; i++) {
            int feature = profile.features()[i];
            float weight = profile.weights()[i];
            for (int p = offsets[feature]; p < offsets[feature + 1]; p++) {
                scores[postingBooks[p]] += weight * values[p];
            }
        }
    }

    /** The signal-weighted sum of the vectors of the reader's books, scaled to length 1. */
    private Profile profile(ReaderBooks.Weighted weighted) {
        int[] offsets = this.vectors.offsets();
        int[] features = this.vectors.indexes();
        float[] values = this.vectors.values();
        float[] sums = new float[this.vectors.width()];
        int[] touched = new int[touchedBound(weighted)];
        int size = 0;
        for (int i = 0; i < weighted.size(); i++) {
            int book = weighted.books()[i];
            float weight = weighted.weights()[i];
            for (int p = offsets[book]; p < offsets[book + 1]; p++) {
                if (sums[features[p]] == 0f) {
                    touched[size++] = features[p];
                }
                sums[features[p]] += weight * values[p];
            }
        }
        return Profile.normalized(Arrays.copyOf(touched, size), sums, this.profileThreshold);
    }

    private int touchedBound(ReaderBooks.Weighted weighted) {
        int bound = 0;
        for (int book : weighted.books()) {
            bound += this.vectors.offsets()[book + 1] - this.vectors.offsets()[book];
        }
        return bound;
    }

    @Override
    public ContentModel withMetadata(ModelMetadata metadata) {
        return new ContentModel(metadata, this.books, this.readers, this.vectors, this.postings);
    }

    /** How many readers liked a book. */
    public int readers(int book) {
        return this.readers[book];
    }

    /** The number of distinct features. */
    public int features() {
        return this.vectors.width();
    }

    /** The cosine of two books' vectors. */
    public float similarity(int book, int other) {
        return this.vectors.dot(book, other);
    }

    /** Bytes held by the arrays of the model: reader counts, vectors, the inverted index and the fill order. */
    public long bytes() {
        return 4L * this.readers.length + this.vectors.bytes() + this.postings.bytes() + 8L * this.books.size();
    }

    void write(DataOutputStream out) throws IOException {
        writeInts(out, this.readers);
        out.writeInt(this.vectors.width());
        writeInts(out, this.vectors.offsets());
        writeInts(out, this.vectors.indexes());
        for (float value : this.vectors.values()) {
            out.writeFloat(value);
        }
    }

    static ContentModel read(DataInputStream in, ModelMetadata metadata, BookIndex books) throws IOException {
        try {
            int[] readers = readInts(in, books.size());
            int width = in.readInt();
            if (width < 0 || width > MAX_FEATURES) {
                throw new InvalidModelException("implausible content feature count: " + width);
            }
            int[] offsets = readInts(in, books.size() + 1);
            int total = offsets[books.size()];
            if (total < 0 || total > (long) books.size() * MAX_FEATURES_PER_BOOK) {
                throw new InvalidModelException("implausible content feature total: " + total);
            }
            Vectors vectors = new Vectors(width, offsets, readInts(in, total), readFloats(in, total));
            return new ContentModel(metadata, books, readers, vectors);
        }
        catch (EOFException ex) {
            throw new InvalidModelException("content model artifact ends early");
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidModelException("corrupt content model: " + ex.getMessage());
        }
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        for (int value : values) {
            out.writeInt(value);
        }
    }

    /** Reads {@code length} ints, growing the array as they arrive, so a lying length fails before it allocates. */
    private static int[] readInts(DataInputStream in, int length) throws IOException {
        int[] values = new int[Math.min(length, READ_CHUNK)];
        for (int i = 0; i < length; i++) {
            if (i == values.length) {
                values = Arrays.copyOf(values, (int) Math.min(length, 2L * values.length));
            }
            values[i] = in.readInt();
        }
        return values;
    }

    private static float[] readFloats(DataInputStream in, int length) throws IOException {
        int[] bits = readInts(in, length);
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = Float.intBitsToFloat(bits[i]);
        }
        return values;
    }

    /**
     * Sparse rows in a CSR layout: row {@code r} holds {@code indexes[p]} with {@code values[p]} for
     * {@code offsets[r] <= p < offsets[r + 1]}, indexes ascending within a row.
     *
     * @param width the number of columns, above every index
     * @param offsets start of each row; one more entry than rows, the first 0
     * @param indexes column indexes
     * @param values the value of each entry, positive and finite
     */
    public record Vectors(int width, int[] offsets, int[] indexes, float[] values) {

        public Vectors {
            checkOffsets(offsets, indexes.length, values.length);
            checkEntries(width, offsets, indexes, values);
        }

        private static void checkOffsets(int[] offsets, int indexes, int values) {
            if (offsets.length == 0 || offsets[0] != 0 || offsets[offsets.length - 1] != indexes
                    || indexes != values) {
                throw new IllegalArgumentException("vector offsets do not fit " + indexes + " indexes and " + values
                        + " values");
            }
            for (int row = 0; row + 1 < offsets.length; row++) {
                if (offsets[row + 1] < offsets[row]) {
                    throw new IllegalArgumentException("vector offsets decrease at row " + row);
                }
            }
        }

        private static void checkEntries(int width, int[] offsets, int[] indexes, float[] values) {
            for (int row = 0; row + 1 < offsets.length; row++) {
                for (int p = offsets[row]; p < offsets[row + 1]; p++) {
                    boolean ascending = p == offsets[row] || indexes[p] > indexes[p - 1];
                    if (indexes[p] < 0 || indexes[p] >= width || !ascending) {
                        throw new IllegalArgumentException("index " + indexes[p] + " of row " + row
                                + " is out of order or outside 0.." + (width - 1));
                    }
                    if (!(values[p] > 0f) || values[p] == Float.POSITIVE_INFINITY) {
                        throw new IllegalArgumentException("value " + values[p] + " in row " + row
                                + " is not positive and finite");
                    }
                }
            }
        }

        public int rows() {
            return this.offsets.length - 1;
        }

        /** The dot product of two rows. */
        public float dot(int row, int other) {
            int p = this.offsets[row];
            int q = this.offsets[other];
            float sum = 0f;
            while (p < this.offsets[row + 1] && q < this.offsets[other + 1]) {
                if (this.indexes[p] == this.indexes[q]) {
                    sum += this.values[p++] * this.values[q++];
                }
                else if (this.indexes[p] < this.indexes[q]) {
                    p++;
                }
                else {
                    q++;
                }
            }
            return sum;
        }

        /** The same matrix by column: each column's rows, ascending, with their values. */
        public Vectors transpose() {
            int[] counts = new int[this.width + 1];
            for (int index : this.indexes) {
                counts[index + 1]++;
            }
            for (int column = 0; column < this.width; column++) {
                counts[column + 1] += counts[column];
            }
            int[] next = Arrays.copyOf(counts, this.width);
            int[] rows = new int[this.indexes.length];
            float[] transposed = new float[this.values.length];
            for (int row = 0; row < rows(); row++) {
                for (int p = this.offsets[row]; p < this.offsets[row + 1]; p++) {
                    int position = next[this.indexes[p]]++;
                    rows[position] = row;
                    transposed[position] = this.values[p];
                }
            }
            return new Vectors(rows(), counts, rows, transposed);
        }

        long bytes() {
            return 4L * this.offsets.length + 4L * this.indexes.length + 4L * this.values.length;
        }

    }

    /** A reader's profile: the features it touches and their weights. */
    private record Profile(int[] features, float[] weights) {

        /** The features of {@code sums} scaled to length 1, without those under the threshold. */
        static Profile normalized(int[] touched, float[] sums, float threshold) {
            double squares = 0;
            float largest = 0f;
            for (int feature : touched) {
                squares += (double) sums[feature] * sums[feature];
                largest = Math.max(largest, sums[feature]);
            }
            float scale = (squares > 0) ? (float) (1 / Math.sqrt(squares)) : 0f;
            float kept = Math.min(threshold, largest * scale / 4);
            int[] features = new int[touched.length];
            float[] weights = new float[touched.length];
            int size = 0;
            for (int feature : touched) {
                float weight = sums[feature] * scale;
                if (weight >= kept) {
                    features[size] = feature;
                    weights[size++] = weight;
                }
            }
            return new Profile(Arrays.copyOf(features, size), Arrays.copyOf(weights, size));
        }

    }

}
