package io.curio.inference.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the registry in S3 holds, for operators: per algorithm the served version and every stored
 * version with its metadata, completeness and the latest decision about it.
 */
public class RegistryInventory {

    private final ModelStore store;

    private final ModelRegistry registry;

    public RegistryInventory(ModelStore store, ModelRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    /** One entry per algorithm, versions newest first. */
    public List<AlgorithmVersions> list() {
        return Arrays.stream(Algorithm.values()).map(this::versions).toList();
    }

    private AlgorithmVersions versions(Algorithm algorithm) {
        String serving = this.registry.newest(algorithm).map(RecommendationModel::version).orElse(null);
        ServingRecord record = decisions(algorithm);
        List<StoredVersion> versions = this.store.files(algorithm)
            .entrySet()
            .stream()
            .map((files) -> stored(algorithm, files.getKey(), files.getValue(), record, serving))
            .toList();
        return new AlgorithmVersions(algorithm.modelName(), serving, versions);
    }

    private ServingRecord decisions(Algorithm algorithm) {
        try {
            return this.store.servingRecord(algorithm).orElseGet(() -> ServingRecord.none(algorithm));
        }
        catch (InvalidModelException ex) {
            return ServingRecord.none(algorithm);
        }
    }

    private StoredVersion stored(Algorithm algorithm, String version, Set<String> files, ServingRecord record,
            String serving) {
        boolean complete = files.contains(ModelStore.METADATA) && files.contains(ModelStore.ARTIFACT);
        Promotion promotion = record.decision(version).orElse(null);
        try {
            Optional<ModelMetadata> metadata = files.contains(ModelStore.METADATA)
                    ? this.store.metadata(algorithm, version) : Optional.empty();
            return new StoredVersion(version, complete, version.equals(serving),
                    metadata.map(ModelMetadata::createdAt).orElse(null),
                    metadata.map(ModelMetadata::metrics).orElse(Map.of()),
                    metadata.map(ModelMetadata::parameters).orElse(Map.of()),
                    metadata.map(ModelMetadata::trainingSeconds).orElse(null), promotion, null);
        }
        catch (InvalidModelException ex) {
            return new StoredVersion(version, complete, version.equals(serving), null, Map.of(), Map.of(), null,
                    promotion, ex.getMessage());
        }
    }

    /**
     * The versions of one algorithm.
     *
     * @param algorithm the algorithm's model name
     * @param serving the version served by this instance, or {@code null}
     * @param versions every stored version, newest first
     */
    public record AlgorithmVersions(String algorithm, String serving, List<StoredVersion> versions) {
    }

    /**
     * One stored version.
     *
     * @param version the registry version
     * @param complete whether both {@code model.bin.gz} and {@code metadata.json} are there
     * @param serving whether this instance serves it
     * @param createdAt when its training started, when known
     * @param metrics its offline metrics
     * @param parameters its training parameters
     * @param trainingSeconds how long its training took, when known
     * @param promotion the latest decision about it, or {@code null} when none was taken
     * @param error why its metadata cannot be read, or {@code null}
     */
    public record StoredVersion(String version, boolean complete, boolean serving, Instant createdAt,
            Map<String, Double> metrics, Map<String, Object> parameters, Double trainingSeconds, Promotion promotion,
            String error) {
    }

}
