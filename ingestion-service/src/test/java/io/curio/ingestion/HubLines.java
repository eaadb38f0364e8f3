package io.curio.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads the gzip JSON-lines objects of the test data hub back, as the integration tests check them.
 */
final class HubLines {

    private HubLines() {
    }

    /**
     * Every line under a prefix, objects in key order. A key listed a moment ago can be gone when read (the
     * archive may replace an object, and the local S3 server's listing is not atomic with writes): such an
     * object is skipped and read on the caller's next round.
     */
    static List<String> under(S3Client s3, String prefix) {
        List<String> lines = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator((request) -> request.bucket(IngestionInfrastructure.BUCKET)
            .prefix(prefix)).contents()) {
            try (InputStream gzip = new GZIPInputStream(s3.getObject((request) -> request
                .bucket(IngestionInfrastructure.BUCKET)
                .key(object.key())))) {
                new String(gzip.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(lines::add);
            }
            catch (NoSuchKeyException ex) {
                // replaced since it was listed: read on the next round
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return lines;
    }

}
