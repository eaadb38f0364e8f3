package io.curio.inference.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import io.curio.inference.algebra.ImplicitAls;

/**
 * The {@code model.bin.gz} layout, version 2: gzip over big-endian {@link DataOutputStream} fields. Version 1
 * artifacts (popularity and item-neighbours only, laid out the same way) are still read.
 *
 * <pre>
 * 8 bytes  magic "CURIOMDL"
 * int      format version (2)
 * model:
 *   UTF      algorithm ("popularity", "item-neighbours", "ease", "als", "content" or "blend")
 *   int      n, the number of books
 *   n x UTF  book ids; a book's position is its index below
 *   popularity:               n x float score
 *   item-neighbours and ease: n x int readers; (n + 1) x int offsets; offsets[n] x int neighbour index;
 *                             offsets[n] x float weight (best first within a book); a reader's score of a
 *                             book is the sum of the weights pointing to it from the books they liked
 *   als:                      int factors k; int iterations; float alpha; float lambda; int conjugate-gradient
 *                             steps; long seed; n x int readers; n x k float book factors, book by book
 *   content:                  see {@link ContentModel}
 *   blend:                    float content history; then two nested models as above (without magic and
 *                             version): the collaborative one, then the content one
 * </pre>
 *
 * The parameters of {@code metadata.json} matter to serving: {@code weight-strong} and {@code weight-saved}
 * weigh a reader's history (both 1 when absent); a blend keeps its parts' parameters under
 * {@code collaborative} and {@code content}.
 */
public final class ModelFormat {

    static final byte[] MAGIC = "CURIOMDL".getBytes(StandardCharsets.US_ASCII);

    static final int VERSION = 2;

    private static final int MAX_BOOKS = 10_000_000;

    private static final int MAX_FACTORS = 1024;

    private ModelFormat() {
    }

    public static void write(RecommendationModel model, OutputStream target) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(target, 1 << 16);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gzip, 1 << 16));
        out.write(MAGIC);
        out.writeInt(VERSION);
        writeModel(model, out);
        out.flush();
        gzip.finish();
    }

    public static RecommendationModel read(ModelMetadata metadata, InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source, 1 << 16)));
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new InvalidModelException("not a Curio model artifact: bad magic bytes");
        }
        int version = in.readInt();
        if (version != 1 && version != VERSION) {
            throw new InvalidModelException("unsupported model format version: " + version);
        }
        return readModel(in, (algorithm) -> metadata);
    }

    private static void writeModel(RecommendationModel model, DataOutputStream out) throws IOException {
        out.writeUTF(model.metadata().algorithm());
        out.writeInt(model.books().size());
        for (int i = 0; i < model.books().size(); i++) {
            out.writeUTF(model.books().id(i));
        }
        if (model instanceof PopularityModel popularity) {
            writeFloats(out, popularity.scoresArray());
        }
        else if (model instanceof NeighbourModel neighbours) {
            writeNeighbours(out, neighbours);
        }
        else if (model instanceof FactorModel factors) {
            writeFactors(out, factors);
        }
        else if (model instanceof ContentModel content) {
            content.write(out);
        }
        else if (model instanceof BlendModel blend) {
            out.writeFloat(blend.contentHistory());
            writeModel(blend.collaborative(), out);
            writeModel(blend.content(), out);
        }
    }

    /** Reads one model; {@code metadataFor} gives the metadata of the algorithm the artifact names. */
    private static RecommendationModel readModel(DataInputStream in, Function<Algorithm, ModelMetadata> metadataFor)
            throws IOException {
        String name = in.readUTF();
        Algorithm algorithm = Algorithm.fromModelName(name)
            .orElseThrow(() -> new InvalidModelException("unknown algorithm in artifact: " + name));
        ModelMetadata metadata = metadataFor.apply(algorithm);
        if (!name.equals(metadata.algorithm())) {
            throw new InvalidModelException("artifact holds " + name + " but metadata says " + metadata.algorithm());
        }
        BookIndex books = new BookIndex(readBookIds(in));
        return switch (algorithm) {
            case POPULARITY -> new PopularityModel(metadata, books, readFloats(in, books.size()));
            case ITEM_NEIGHBOURS, EASE -> readNeighbours(in, metadata, books);
            case ALS -> readFactors(in, metadata, books);
            case CONTENT -> ContentModel.read(in, metadata, books);
            case BLEND -> readBlend(in, metadata);
        };
    }

    private static void writeNeighbours(DataOutputStream out, NeighbourModel model) throws IOException {
        writeInts(out, model.readersArray());
        writeInts(out, model.offsetsArray());
        writeInts(out, model.neighboursArray());
        writeFloats(out, model.similaritiesArray());
    }

    private static void writeFactors(DataOutputStream out, FactorModel model) throws IOException {
        ImplicitAls settings = model.settings();
        out.writeInt(settings.factors());
        out.writeInt(settings.iterations());
        out.writeFloat(settings.alpha());
        out.writeFloat(settings.regularization());
        out.writeInt(settings.conjugateGradientSteps());
        out.writeLong(settings.seed());
        float[] readers = model.readersArray();
        for (float count : readers) {
            out.writeInt((int) count);
        }
        for (float[] item : model.itemFactorsArray()) {
            writeFloats(out, item);
        }
    }

    private static FactorModel readFactors(DataInputStream in, ModelMetadata metadata, BookIndex books)
            throws IOException {
        int factors = in.readInt();
        if (factors < 1 || factors > MAX_FACTORS) {
            throw new InvalidModelException("implausible factor count: " + factors);
        }
        ImplicitAls settings;
        try {
            settings = new ImplicitAls(factors, in.readInt(), in.readFloat(), in.readFloat(), in.readInt(),
                    in.readLong());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidModelException("invalid factor settings: " + ex.getMessage());
        }
        int[] readers = readInts(in, books.size());
        float[] counts = new float[readers.length];
        for (int i = 0; i < readers.length; i++) {
            counts[i] = readers[i];
        }
        float[][] items = new float[books.size()][];
        for (int item = 0; item < items.length; item++) {
            items[item] = readFloats(in, factors);
        }
        return FactorModel.of(metadata, books, settings, items, counts);
    }

    private static BlendModel readBlend(DataInputStream in, ModelMetadata metadata) throws IOException {
        float contentHistory = in.readFloat();
        RecommendationModel collaborative = readModel(in,
                (part) -> BlendModel.partMetadata(metadata, part, BlendModel.COLLABORATIVE));
        RecommendationModel content = readModel(in,
                (part) -> BlendModel.partMetadata(metadata, part, BlendModel.CONTENT));
        if (!(content instanceof ContentModel contentModel) || collaborative instanceof BlendModel) {
            throw new InvalidModelException("a blend holds a collaborative model and then a content model");
        }
        try {
            return new BlendModel(metadata, collaborative, contentModel, contentHistory);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidModelException("invalid blend: " + ex.getMessage());
        }
    }

    private static String[] readBookIds(DataInputStream in) throws IOException {
        String[] ids = new String[count(in)];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = in.readUTF();
        }
        return ids;
    }

    private static NeighbourModel readNeighbours(DataInputStream in, ModelMetadata metadata, BookIndex books)
            throws IOException {
        int[] readers = readInts(in, books.size());
        int[] offsets = readInts(in, books.size() + 1);
        int total = offsets[books.size()];
        if (total < 0 || total > (long) books.size() * NeighbourModel.MAX_NEIGHBOURS) {
            throw new InvalidModelException("implausible neighbour count: " + total);
        }
        return new NeighbourModel(metadata, books, readers, offsets, readInts(in, total), readFloats(in, total));
    }

    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_BOOKS) {
            throw new InvalidModelException("implausible book count: " + count);
        }
        return count;
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        for (int value : values) {
            out.writeInt(value);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        for (float value : values) {
            out.writeFloat(value);
        }
    }

    private static int[] readInts(DataInputStream in, int length) throws IOException {
        int[] values = new int[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    private static float[] readFloats(DataInputStream in, int length) throws IOException {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

}
