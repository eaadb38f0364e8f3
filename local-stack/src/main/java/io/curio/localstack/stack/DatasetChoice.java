package io.curio.localstack.stack;

import java.nio.file.Path;

import io.curio.localstack.dataset.Dataset;
import io.curio.localstack.dataset.Datasets;

/**
 * The dataset a stack serves and imports: a goodbooks-style folder, or the built-in sample.
 *
 * @param folder the dataset folder, or {@code null} for the sample
 */
public record DatasetChoice(Path folder) {

    public static final long SAMPLE_SEED = 42;

    public DatasetChoice {
        folder = (folder != null) ? folder.toAbsolutePath().normalize() : null;
    }

    public static DatasetChoice sample() {
        return new DatasetChoice(null);
    }

    /** A stable name, recorded in {@code state.json} to tell whether this dataset was imported. */
    public String id() {
        return (this.folder != null) ? this.folder.toString() : "sample:" + SAMPLE_SEED;
    }

    public Dataset load() {
        return (this.folder != null) ? Datasets.load(this.folder) : Datasets.sample(SAMPLE_SEED);
    }

    /** The inverse of {@link #id()}. */
    public static DatasetChoice fromId(String id) {
        return id.startsWith("sample:") ? sample() : new DatasetChoice(Path.of(id));
    }

}
