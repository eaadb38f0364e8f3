package io.curio.ingestion.datahub;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Writes objects to the data hub and counts them. Each write is a single PutObject: an object is
 * either there complete or not at all, and writing the same key again replaces it.
 */
@Component
public class DataHubWriter {

    private final S3Client s3;

    private final String bucket;

    private final MeterRegistry meters;

    public DataHubWriter(S3Client s3, DataHubSettings settings, MeterRegistry meters) {
        this.s3 = s3;
        this.bucket = settings.bucket();
        this.meters = meters;
    }

    public void write(String key, byte[] body, HubObjectKind kind) {
        PutObjectRequest.Builder request = PutObjectRequest.builder()
            .bucket(this.bucket)
            .key(key)
            .contentType(kind.contentType());
        if (kind.contentEncoding() != null) {
            request.contentEncoding(kind.contentEncoding());
        }
        this.s3.putObject(request.build(), RequestBody.fromBytes(body));
        count(kind, body.length);
    }

    private void count(HubObjectKind kind, long bytes) {
        this.meters.counter("curio.ingestion.hub.objects.written", "kind", kind.tag()).increment();
        this.meters.counter("curio.ingestion.hub.bytes.written", "kind", kind.tag()).increment(bytes);
    }

}
