package io.curio.feature.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

import io.curio.feature.hub.HubProperties;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.springframework.stereotype.Component;

/**
 * Reads event objects of the data hub: gzip-compressed JSON lines, one event a line.
 */
@Component
class HubEventObjects {

    private static final String SUFFIX = ".jsonl.gz";

    private static final int BUFFER_BYTES = 1 << 16;

    private final S3Client s3;

    private final String bucket;

    HubEventObjects(S3Client s3, HubProperties hub) {
        this.s3 = s3;
        this.bucket = hub.bucket();
    }

    /** The keys of the event objects under a prefix, in key order. */
    List<String> keysUnder(String prefix) {
        return this.s3.listObjectsV2Paginator((request) -> request.bucket(this.bucket).prefix(prefix))
            .contents()
            .stream()
            .map(S3Object::key)
            .filter((key) -> key.endsWith(SUFFIX))
            .sorted()
            .toList();
    }

    /** Hands each non-blank line of an object, as UTF-8 bytes, to the consumer. */
    void forEachLine(String key, LineConsumer consumer) throws IOException {
        try (BufferedReader reader = open(key)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    consumer.accept(line.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    private BufferedReader open(String key) throws IOException {
        var object = this.s3.getObject((request) -> request.bucket(this.bucket).key(key));
        return new BufferedReader(
                new InputStreamReader(new GZIPInputStream(object, BUFFER_BYTES), StandardCharsets.UTF_8),
                BUFFER_BYTES);
    }

    @FunctionalInterface
    interface LineConsumer {

        void accept(byte[] line) throws IOException;

    }

}
