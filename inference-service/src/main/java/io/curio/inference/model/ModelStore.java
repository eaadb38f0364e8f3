package io.curio.inference.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.curio.events.DataHubKeys;
import io.curio.events.hub.DataHubLocation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model registry in S3: {@code models/<algorithm>/<version>/model.bin.gz} and {@code metadata.json}.
 * The metadata is written last, so a version without it is incomplete and never loaded.
 */
public class ModelStore {

    static final String ARTIFACT = "model.bin.gz";

    static final String METADATA = "metadata.json";

    private final S3Client s3;

    private final String bucket;

    private final JsonMapper json;

    public ModelStore(S3Client s3, DataHubLocation location, JsonMapper json) {
        this.s3 = s3;
        this.bucket = location.bucket();
        this.json = json;
    }

    public void save(RecommendationModel model) {
        ModelMetadata metadata = model.metadata();
        String prefix = DataHubKeys.modelPrefix(metadata.algorithm(), metadata.version());
        put(prefix + ARTIFACT, artifactBytes(model), "application/gzip");
        put(prefix + METADATA, this.json.writeValueAsBytes(metadata), "application/json");
    }

    /** Versions of an algorithm in the registry, newest first. */
    public List<String> versions(Algorithm algorithm) {
        String prefix = DataHubKeys.MODELS + algorithm.modelName() + "/";
        return this.s3.listObjectsV2Paginator((request) -> request.bucket(this.bucket).prefix(prefix).delimiter("/"))
            .commonPrefixes()
            .stream()
            .map(CommonPrefix::prefix)
            .map((versionPrefix) -> versionPrefix.substring(prefix.length(), versionPrefix.length() - 1))
            .sorted(Comparator.reverseOrder())
            .toList();
    }

    /** The model stored under a version, or empty when that version has no complete artifact. */
    public Optional<RecommendationModel> load(Algorithm algorithm, String version) {
        String prefix = DataHubKeys.modelPrefix(algorithm.modelName(), version);
        try (InputStream metadataJson = get(prefix + METADATA); InputStream artifact = get(prefix + ARTIFACT)) {
            ModelMetadata metadata = this.json.readValue(metadataJson, ModelMetadata.class);
            return Optional.of(ModelFormat.read(metadata, artifact));
        }
        catch (NoSuchKeyException ex) {
            return Optional.empty();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read model " + prefix, ex);
        }
    }

    private InputStream get(String key) {
        return this.s3.getObject((request) -> request.bucket(this.bucket).key(key));
    }

    private void put(String key, byte[] bytes, String contentType) {
        this.s3.putObject((request) -> request.bucket(this.bucket).key(key).contentType(contentType),
                RequestBody.fromBytes(bytes));
    }

    private static byte[] artifactBytes(RecommendationModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try {
            ModelFormat.write(model, bytes);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot encode model " + model.metadata().version(), ex);
        }
        return bytes.toByteArray();
    }

}
