package io.curio.localstack.proof;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import io.curio.events.EventCodec;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Counts, per event id of one run, how often the stream archive under {@code raw/events/} holds it. Reads each
 * object written since the run began, and again when its ETag changed (a replay after a crash may write the same
 * key again), and leaves out the history imports.
 */
final class HubTally {

    static final String RAW_EVENTS = "raw/events/";

    private final S3Client s3;

    private final String bucket;

    private final String idPrefix;

    private final Instant since;

    private final EventCodec codec;

    /** Per object read: its ETag and the run's ids it held. */
    private final Map<String, ObjectIds> read = new HashMap<>();

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
            ObjectIds known = this.read.get(object.key());
            if (isStreamArchive(object) && (known == null || !known.eTag().equals(object.eTag()))) {
                if (known != null) {
                    known.ids().forEach(this::uncount);
                }
                this.read.put(object.key(), new ObjectIds(object.eTag(), readObject(object.key())));
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

    private List<String> readObject(String key) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                this.s3.getObject((request) -> request.bucket(this.bucket).key(key))), StandardCharsets.UTF_8))) {
            List<String> ids = reader.lines()
                .filter((line) -> line.contains(this.idPrefix))
                .map((line) -> this.codec.mapper().readTree(line).path("eventId").asString(""))
                .filter((id) -> id.startsWith(this.idPrefix))
                .toList();
            ids.forEach((id) -> this.counts.merge(id, 1, Integer::sum));
            this.lines += ids.size();
            return ids;
        }
        catch (NoSuchKeyException ex) {
            // Listed, then gone: nothing in the product deletes raw objects, so this is someone's clean-up.
            return List.of();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + key + " from the data hub", ex);
        }
    }

    private void uncount(String id) {
        this.counts.computeIfPresent(id, (key, count) -> (count > 1) ? count - 1 : null);
        this.lines--;
    }

    private record ObjectIds(String eTag, List<String> ids) {
    }

}
