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
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The {@code model.bin.gz} layout, version 1: gzip over big-endian {@link DataOutputStream} fields.
 *
 * <pre>
 * 8 bytes  magic "CURIOMDL"
 * int      format version (1)
 * UTF      algorithm ("popularity" or "item-neighbours")
 * int      n, the number of books
 * n x UTF  book ids; a book's position is its index below
 * popularity:      n x float score
 * item-neighbours: n x int readers; (n + 1) x int offsets; offsets[n] x int neighbour index;
 *                  offsets[n] x float similarity (best first within a book)
 * </pre>
 */
public final class ModelFormat {

    static final byte[] MAGIC = "CURIOMDL".getBytes(StandardCharsets.US_ASCII);

    static final int VERSION = 1;

    private static final int MAX_NEIGHBOURS = 1000;

    private static final int MAX_BOOKS = 10_000_000;

    private ModelFormat() {
    }

    public static void write(RecommendationModel model, OutputStream target) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(target, 1 << 16);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gzip, 1 << 16));
        writeHeader(model, out);
        if (model instanceof PopularityModel popularity) {
            writeFloats(out, popularity.scoresArray());
        }
        else if (model instanceof NeighbourModel neighbours) {
            writeNeighbours(out, neighbours);
        }
        out.flush();
        gzip.finish();
    }

    public static RecommendationModel read(ModelMetadata metadata, InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source, 1 << 16)));
        String algorithm = readHeader(in);
        if (!algorithm.equals(metadata.algorithm())) {
            throw new InvalidModelException("artifact holds " + algorithm + " but metadata says "
                    + metadata.algorithm());
        }
        BookIndex books = new BookIndex(readBookIds(in));
        return switch (Algorithm.fromModelName(algorithm).orElseThrow()) {
            case POPULARITY -> new PopularityModel(metadata, books, readFloats(in, books.size()));
            case ITEM_NEIGHBOURS -> readNeighbours(in, metadata, books);
        };
    }

    private static void writeHeader(RecommendationModel model, DataOutputStream out) throws IOException {
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(model.metadata().algorithm());
        out.writeInt(model.books().size());
        for (int i = 0; i < model.books().size(); i++) {
            out.writeUTF(model.books().id(i));
        }
    }

    private static void writeNeighbours(DataOutputStream out, NeighbourModel model) throws IOException {
        writeInts(out, model.readersArray());
        writeInts(out, model.offsetsArray());
        writeInts(out, model.neighboursArray());
        writeFloats(out, model.similaritiesArray());
    }

    private static String readHeader(DataInputStream in) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new InvalidModelException("not a Curio model artifact: bad magic bytes");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new InvalidModelException("unsupported model format version: " + version);
        }
        String algorithm = in.readUTF();
        if (Algorithm.fromModelName(algorithm).isEmpty()) {
            throw new InvalidModelException("unknown algorithm in artifact: " + algorithm);
        }
        return algorithm;
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
        if (total < 0 || total > (long) books.size() * MAX_NEIGHBOURS) {
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
