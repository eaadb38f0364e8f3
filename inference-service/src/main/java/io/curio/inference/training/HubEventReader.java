package io.curio.inference.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleConsumer;
import java.util.zip.GZIPInputStream;

import io.curio.events.DataHubKeys;
import io.curio.events.DecodedEvent;
import io.curio.events.EngagementEvent;
import io.curio.events.EventCodec;
import io.curio.events.hub.DataHubLocation;
import io.curio.inference.model.Signal;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads every raw event object of the data hub (gzip JSON lines), handing each valid event on and
 * skipping lines that do not decode.
 */
public final class HubEventReader {

    private static final int BUFFER_BYTES = 1 << 16;

    private final S3Client s3;

    private final String bucket;

    private final EventCodec codec;

    private final int threads;

    public HubEventReader(S3Client s3, DataHubLocation location, EventCodec codec, int threads) {
        this.s3 = s3;
        this.bucket = location.bucket();
        this.codec = codec;
        this.threads = threads;
    }

    /**
     * Reads all events under {@code raw/events/}, decoding objects on {@code threads} threads and handing
     * the events on in object order, on the calling thread.
     *
     * @param progress told the fraction of objects read
     * @return counts of what was read
     */
    public ReadSummary readAll(InteractionsBuilder builder, DoubleConsumer progress) {
        List<S3Object> objects = eventObjects();
        ExecutorService decoders = Executors.newFixedThreadPool(this.threads, HubEventReader::decoderThread);
        try {
            return handOver(objects, decoders, builder, progress);
        }
        finally {
            decoders.shutdownNow();
        }
    }

    private ReadSummary handOver(List<S3Object> objects, ExecutorService decoders, InteractionsBuilder builder,
            DoubleConsumer progress) {
        Deque<Future<DecodedObject>> inFlight = new ArrayDeque<>();
        int submitted = 0;
        long skipped = 0;
        for (int done = 0; done < objects.size(); done++) {
            while (submitted < objects.size() && inFlight.size() < this.threads + 1) {
                String key = objects.get(submitted++).key();
                inFlight.add(decoders.submit(() -> readObject(key)));
            }
            DecodedObject object = await(inFlight.removeFirst());
            object.addTo(builder);
            skipped += object.skipped();
            progress.accept((double) (done + 1) / objects.size());
        }
        return new ReadSummary(objects.size(), skipped);
    }

    private static DecodedObject await(Future<DecodedObject> object) {
        try {
            return object.get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the data hub", ex);
        }
        catch (ExecutionException ex) {
            throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
                    : new IllegalStateException("cannot read the data hub", ex.getCause());
        }
    }

    private static Thread decoderThread(Runnable runnable) {
        Thread thread = new Thread(runnable, "hub-event-reader");
        thread.setDaemon(true);
        return thread;
    }

    private List<S3Object> eventObjects() {
        return this.s3.listObjectsV2Paginator((request) -> request.bucket(this.bucket).prefix(DataHubKeys.RAW_EVENTS))
            .contents()
            .stream()
            .filter((object) -> object.key().endsWith(".jsonl.gz"))
            .toList();
    }

    private DecodedObject readObject(String key) {
        try (InputStream in = new GZIPInputStream(this.s3.getObject((request) -> request.bucket(this.bucket).key(key)),
                BUFFER_BYTES)) {
            return decodeLines(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read hub object " + key, ex);
        }
    }

    /** Splits the stream into lines in a reusable buffer and decodes each. */
    private DecodedObject decodeLines(InputStream in) throws IOException {
        LineSplitter lines = new LineSplitter();
        byte[] chunk = new byte[BUFFER_BYTES];
        int read;
        while ((read = in.read(chunk)) != -1) {
            lines.accept(chunk, read);
        }
        lines.finish();
        return new DecodedObject(lines.positives, lines.events, lines.newestSecond, lines.skipped);
    }


    /**
     * Collects bytes into lines and decodes each complete one; a line longer than any valid record is
     * skipped without being held in memory.
     */
    private final class LineSplitter {

        private final List<Positive> positives = new ArrayList<>();

        private long events;

        private long newestSecond = Long.MIN_VALUE;

        private byte[] line = new byte[BUFFER_BYTES];

        private int length;

        private boolean overlong;

        private long skipped;

        void accept(byte[] chunk, int count) {
            int start = 0;
            for (int i = 0; i < count; i++) {
                if (chunk[i] == '\n') {
                    append(chunk, start, i - start);
                    endLine();
                    start = i + 1;
                }
            }
            append(chunk, start, count - start);
        }

        void finish() {
            endLine();
        }

        private void append(byte[] chunk, int from, int count) {
            if (this.overlong || this.length + count > EventCodec.MAX_RECORD_BYTES) {
                this.overlong = true;
                return;
            }
            if (this.length + count > this.line.length) {
                this.line = Arrays.copyOf(this.line, Math.max(this.line.length * 2, this.length + count));
            }
            System.arraycopy(chunk, from, this.line, this.length, count);
            this.length += count;
        }

        private void endLine() {
            if (this.overlong) {
                this.skipped++;
            }
            else if (this.length > 0) {
                decode(Arrays.copyOf(this.line, this.length));
            }
            this.length = 0;
            this.overlong = false;
        }

        private void decode(byte[] record) {
            if (!(HubEventReader.this.codec.decode(record) instanceof DecodedEvent.Valid valid)) {
                this.skipped++;
                return;
            }
            EngagementEvent event = valid.event();
            long second = event.occurredAt().getEpochSecond();
            this.events++;
            this.newestSecond = Math.max(this.newestSecond, second);
            if (event.bookId() != null) {
                Signal.of(event.type().wireName(), event.value())
                    .ifPresent((signal) -> this.positives.add(new Positive(event.userId(), event.bookId(), second,
                            signal)));
            }
        }

    }

    /** A positive interaction, as compact as the decoded strings allow. */
    private record Positive(String userId, String bookId, long second, Signal signal) {
    }

    /** What one hub object held: its positive interactions in order, and counts. */
    private record DecodedObject(List<Positive> positives, long events, long newestSecond, long skipped) {

        void addTo(InteractionsBuilder builder) {
            builder.observed(this.events, this.newestSecond);
            for (Positive positive : this.positives) {
                builder.addPositive(positive.userId(), positive.bookId(), positive.second(), positive.signal());
            }
        }

    }

    /**
     * @param objects hub objects read
     * @param skipped lines that did not decode as valid events
     */
    public record ReadSummary(int objects, long skipped) {
    }

}
