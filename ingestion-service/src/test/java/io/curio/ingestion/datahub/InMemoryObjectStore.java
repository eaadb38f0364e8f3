package io.curio.ingestion.datahub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * An S3 client that takes objects in memory: kept by key, or only counted. Can be told to fail like an
 * unreachable server.
 */
final class InMemoryObjectStore implements S3Client {

    private final boolean keep;

    private final Map<String, byte[]> objects = new HashMap<>();

    private long bytes;

    private boolean failing;

    /**
     * @param keep whether to keep what is written, or only count its bytes
     */
    InMemoryObjectStore(boolean keep) {
        this.keep = keep;
    }

    @Override
    public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
        if (this.failing) {
            throw SdkClientException.create("S3 is down");
        }
        try (InputStream stream = body.contentStreamProvider().newStream()) {
            byte[] content = stream.readAllBytes();
            this.bytes += content.length;
            if (this.keep) {
                this.objects.put(request.key(), content);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return PutObjectResponse.builder().build();
    }

    Map<String, byte[]> objects() {
        return this.objects;
    }

    long bytes() {
        return this.bytes;
    }

    void failing(boolean failing) {
        this.failing = failing;
    }

    @Override
    public String serviceName() {
        return "s3";
    }

    @Override
    public void close() {
    }

}
