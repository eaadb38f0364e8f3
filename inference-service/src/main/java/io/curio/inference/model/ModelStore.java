package io.curio.inference.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.curio.events.DataHubKeys;
import io.curio.events.hub.DataHubLocation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model registry in S3: {@code models/<algorithm>/<version>/model.bin.gz} and {@code metadata.json}.
 * The metadata is written last, so a version without it is incomplete and never loaded. Which version is
 * served, and why, is in {@code models/<algorithm>/serving.json} ({@link ServingRecord}).
 */
public class ModelStore {

    static final String ARTIFACT = "model.bin.gz";

    static final String METADATA = "metadata.json";

    static final String SERVING = "serving.json";

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

    /** Versions of an algorithm in the registry, newest first; folders not named like a version are skipped. */
    public List<String> versions(Algorithm algorithm) {
        String prefix = DataHubKeys.MODELS + algorithm.modelName() + "/";
        return this.s3.listObjectsV2Paginator((request) -> request.bucket(this.bucket).prefix(prefix).delimiter("/"))
            .commonPrefixes()
            .stream()
            .map(CommonPrefix::prefix)
            .map((versionPrefix) -> versionPrefix.substring(prefix.length(), versionPrefix.length() - 1))
            .filter(ModelSpec::isVersion)
            .sorted(Comparator.reverseOrder())
            .toList();
    }

    /** The files of each version of an algorithm, by version; a version is complete with both files. */
    public Map<String, Set<String>> files(Algorithm algorithm) {
        String prefix = DataHubKeys.MODELS + algorithm.modelName() + "/";
        Map<String, Set<String>> files = new TreeMap<>(Comparator.reverseOrder());
        this.s3.listObjectsV2Paginator((request) -> request.bucket(this.bucket).prefix(prefix))
            .contents()
            .stream()
            .map(S3Object::key)
            .map((key) -> key.substring(prefix.length()))
            .filter((name) -> name.indexOf('/') > 0 && ModelSpec.isVersion(name.substring(0, name.indexOf('/'))))
            .forEach((name) -> addFile(files, name));
        return files;
    }

    private static void addFile(Map<String, Set<String>> files, String versionAndFile) {
        int slash = versionAndFile.indexOf('/');
        files.computeIfAbsent(versionAndFile.substring(0, slash), (version) -> new TreeSet<>())
            .add(versionAndFile.substring(slash + 1));
    }

    /** The model stored under a version, or empty when that version has no complete artifact. */
    public Optional<RecommendationModel> load(Algorithm algorithm, String version) {
        String prefix = DataHubKeys.modelPrefix(algorithm.modelName(), version);
        try (InputStream metadataJson = get(prefix + METADATA); InputStream artifact = get(prefix + ARTIFACT)) {
            return Optional.of(ModelFormat.read(readMetadata(prefix, metadataJson), artifact));
        }
        catch (NoSuchKeyException ex) {
            return Optional.empty();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read model " + prefix + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * The metadata of a version, or empty when it has none.
     *
     * @throws InvalidModelException when {@code metadata.json} is not valid
     */
    public Optional<ModelMetadata> metadata(Algorithm algorithm, String version) {
        String prefix = DataHubKeys.modelPrefix(algorithm.modelName(), version);
        try (InputStream metadataJson = get(prefix + METADATA)) {
            return Optional.of(readMetadata(prefix, metadataJson));
        }
        catch (NoSuchKeyException ex) {
            return Optional.empty();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + prefix + METADATA, ex);
        }
    }

    /**
     * What {@code serving.json} says about an algorithm, or empty when nothing was decided about it yet.
     *
     * @throws InvalidModelException when {@code serving.json} is not valid
     */
    public Optional<ServingRecord> servingRecord(Algorithm algorithm) {
        String key = servingKey(algorithm.modelName());
        try (InputStream recordJson = get(key)) {
            return Optional.of(this.json.readValue(recordJson, ServingRecord.class));
        }
        catch (NoSuchKeyException ex) {
            return Optional.empty();
        }
        catch (JacksonException ex) {
            throw new InvalidModelException(key + " is not valid: " + ex.getOriginalMessage());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + key, ex);
        }
    }

    /** Replaces {@code serving.json} of the record's algorithm in one write. */
    public void saveServingRecord(ServingRecord record) {
        put(servingKey(record.algorithm()), this.json.writeValueAsBytes(record), "application/json");
    }

    private ModelMetadata readMetadata(String prefix, InputStream metadataJson) {
        try {
            return this.json.readValue(metadataJson, ModelMetadata.class);
        }
        catch (JacksonException ex) {
            throw new InvalidModelException(prefix + METADATA + " is not valid: " + ex.getOriginalMessage());
        }
    }

    private static String servingKey(String algorithm) {
        return DataHubKeys.MODELS + algorithm + "/" + SERVING;
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
