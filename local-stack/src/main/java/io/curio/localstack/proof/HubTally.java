package io.curio.localstack.proof;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import io.curio.events.EventCodec;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Counts, per event id of one run, how often the stream archive under {@code raw/events/} holds it. Reads each
 * object written since the run began once (objects are never rewritten) and leaves out the history imports.
 */
final class HubTally {

    static final String RAW_EVENTS = "raw/events/";

    private final S3Client s3;

    private final String bucket;

    private final String idPrefix;

    private final Instant since;

    private final EventCodec codec;

    private final Set<String> read = new HashSet<>();

    private final Map<String, Integer> counts = new HashMap<>();

    private long lines;

    /**
     * @param idPrefix only ids starting with it are counted
     * @param since objects last modified before it are passed over
     */
    HubTally(S3Client s3, String bucket, String idPrefix, Instant since, EventCodec codec) {
        this.s3 = s3;
        this.bucket = bucket;
        this.idPrefix = idPrefix;
        this.since = since;
        this.codec = codec;
    }

    /** Reads the objects that appeared since the last call; answers whether any did. */
    boolean refresh() {
        boolean changed = false;
        for (S3Object object : this.s3.listObjectsV2Paginator((request) -> request.bucket(this.bucket)
            .prefix(RAW_EVENTS)).contents()) {
            if (isStreamArchive(object) && !this.read.contains(object.key())) {
                readObject(object.key());
                this.read.add(object.key());
                changed = true;
            }
        }
        return changed;
    }

    /** Per id of the run, how many lines hold it. */
    Map<String, Integer> counts() {
        return Map.copyOf(this.counts);
    }

    /** Lines holding an id of the run, repeats included. */
    long lines() {
        return this.lines;
    }

    int objects() {
        return this.read.size();
    }

    private boolean isStreamArchive(S3Object object) {
        String name = object.key().substring(object.key().lastIndexOf('/') + 1);
        return !name.startsWith("import-") && !object.lastModified().isBefore(this.since);
    }

    private void readObject(String key) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                this.s3.getObject((request) -> request.bucket(this.bucket).key(key))), StandardCharsets.UTF_8))) {
            reader.lines().filter((line) -> line.contains(this.idPrefix)).forEach(this::count);
        }
        catch (NoSuchKeyException ex) {
            // Listed, then gone: nothing in the product deletes raw objects, so this is someone's clean-up.
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + key + " from the data hub", ex);
        }
    }

    private void count(String line) {
        String id = this.codec.mapper().readTree(line).path("eventId").asString("");
        if (id.startsWith(this.idPrefix)) {
            this.counts.merge(id, 1, Integer::sum);
            this.lines++;
        }
    }

}
