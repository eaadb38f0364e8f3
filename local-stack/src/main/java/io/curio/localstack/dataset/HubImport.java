package io.curio.localstack.dataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import io.curio.events.DataHubKeys;
import io.curio.events.EventCodec;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes a dataset's history straight into the data hub as engagement events (bulk history does not
 * belong on the stream): gzip JSON lines in their canonical form, about {@value #EVENTS_PER_OBJECT}
 * events an object, at {@link DataHubKeys#importedEvents}. Keys, event ids and times depend only on the
 * dataset and the import time, so importing again at the same time overwrites the same objects with the
 * same events.
 */
public final class HubImport {

    public static final int EVENTS_PER_OBJECT = 100_000;

    private static final int WRITERS = 2;

    private static final String SAFE_SOURCE = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

    private HubImport() {
    }

    /**
     * Writes the history and reports one progress line per object written.
     * @throws HubImportFailedException when an object cannot be written
     * @throws IllegalArgumentException when the dataset's source cannot be part of a key, or the import
     *     time lies in the future (events would too)
     */
    public static ImportSummary write(Dataset dataset, S3Client s3, String bucket, Instant importedAt,
            Consumer<String> progress) {
        requireImportable(dataset, importedAt);
        long started = System.nanoTime();
        Batches batches = new Batches(dataset, s3, bucket, importedAt);
        long bytes = batches.writeAll(progress);
        return new ImportSummary(dataset.interactions().size(), batches.count(), bytes,
                Duration.ofNanos(System.nanoTime() - started), batches.commonPrefix());
    }

    private static void requireImportable(Dataset dataset, Instant importedAt) {
        if (!dataset.source().matches(SAFE_SOURCE)) {
            throw new IllegalArgumentException("dataset source '" + dataset.source()
                    + "' cannot name hub objects: use letters, digits, '.', '_' and '-'");
        }
        if (importedAt.isAfter(Instant.now().plus(EventCodec.MAX_CLOCK_SKEW))) {
            throw new IllegalArgumentException("importedAt " + importedAt + " lies in the future");
        }
    }

    /** The objects of one import and how each is built and written. */
    private static final class Batches {

        private final List<Interaction> history;

        private final int[] occurrences;

        private final ImportedEvents events;

        private final EventCodec codec = new EventCodec(Clock.systemUTC());

        private final S3Client s3;

        private final String bucket;

        private final List<String> keys = new ArrayList<>();

        private final String stem;

        Batches(Dataset dataset, S3Client s3, String bucket, Instant importedAt) {
            this.history = dataset.interactions();
            this.occurrences = Occurrences.of(this.history);
            this.events = new ImportedEvents(dataset.source(), importedAt);
            this.s3 = s3;
            this.bucket = bucket;
            int count = (this.history.size() + EVENTS_PER_OBJECT - 1) / EVENTS_PER_OBJECT;
            for (int part = 0; part < count; part++) {
                this.keys.add(DataHubKeys.importedEvents(importedAt, dataset.source(), part));
            }
            String first = DataHubKeys.importedEvents(importedAt, dataset.source(), 0);
            this.stem = first.substring(0, first.lastIndexOf('-') + 1);
        }

        int count() {
            return this.keys.size();
        }

        /** Builds and writes the objects two at a time; reports them in order as they are done. */
        long writeAll(Consumer<String> progress) {
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            try {
                List<Future<Long>> written = new ArrayList<>();
                for (int part = 0; part < count(); part++) {
                    int current = part;
                    written.add(writers.submit(() -> write(current)));
                }
                return awaitAll(written, progress);
            }
            finally {
                writers.shutdownNow();
            }
        }

        private long awaitAll(List<Future<Long>> written, Consumer<String> progress) {
            long bytes = 0;
            for (int part = 0; part < written.size(); part++) {
                bytes += await(written.get(part), part);
                long done = Math.min(this.history.size(), (long) (part + 1) * EVENTS_PER_OBJECT);
                progress.accept(String.format(Locale.ROOT, "events %,d / %,d (object %d of %d)", done,
                        this.history.size(), part + 1, written.size()));
            }
            return bytes;
        }

        private long await(Future<Long> written, int part) {
            try {
                return written.get();
            }
            catch (ExecutionException ex) {
                throw new HubImportFailedException("cannot write s3://" + this.bucket + "/" + this.keys.get(part)
                        + ": " + ex.getCause().getMessage(), ex.getCause());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new HubImportFailedException("interrupted while writing s3://" + this.bucket + "/"
                        + this.keys.get(part), ex);
            }
        }

        private long write(int part) {
            byte[] object = compressedLines(part * EVENTS_PER_OBJECT,
                    Math.min(this.history.size(), (part + 1) * EVENTS_PER_OBJECT));
            this.s3.putObject((request) -> request.bucket(this.bucket).key(this.keys.get(part))
                .contentType("application/gzip"), RequestBody.fromBytes(object));
            return object.length;
        }

        private byte[] compressedLines(int from, int to) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream((to - from) * 48);
            try (OutputStream gzip = new FastGzipOutputStream(bytes)) {
                for (int i = from; i < to; i++) {
                    gzip.write(this.codec.encode(this.events.event(this.history.get(i), this.occurrences[i])));
                    gzip.write('\n');
                }
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot compress events " + from + ".." + to, ex);
            }
            return bytes.toByteArray();
        }

        /**
         * The longest prefix all keys share: unlike the bare {@code import-<source>-} stem, it leaves out the
         * objects of a source whose name merely starts with this one's ({@code goodbooks-10k-small}).
         */
        String commonPrefix() {
            if (this.keys.isEmpty()) {
                return this.stem;
            }
            String prefix = this.keys.get(0);
            for (String key : this.keys) {
                int length = 0;
                while (length < prefix.length() && length < key.length()
                        && prefix.charAt(length) == key.charAt(length)) {
                    length++;
                }
                prefix = prefix.substring(0, length);
            }
            return prefix;
        }

    }

    /** Gzip at the fastest level: the objects are written once and read a few times. */
    private static final class FastGzipOutputStream extends GZIPOutputStream {

        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            this.def.setLevel(Deflater.BEST_SPEED);
        }

    }

}
