package io.curio.localstack.dataset;

import java.nio.file.Path;

import io.curio.events.csv.MalformedCsvException;

/**
 * Where datasets come from: a folder of files in the goodbooks-10k format, or a generated sample.
 */
public final class Datasets {

    private Datasets() {
    }

    /**
     * Loads a folder in the goodbooks-10k format; the dataset's source is the folder name.
     * @throws InvalidDatasetException naming the file and line when the folder is missing, incomplete,
     *     ambiguous or malformed
     */
    public static Dataset load(Path folder) {
        try {
            return GoodbooksLoader.load(folder.toAbsolutePath().normalize());
        }
        catch (MalformedCsvException ex) {
            throw new InvalidDatasetException(ex.getMessage(), ex);
        }
    }

    /**
     * Generates a realistic dataset of about 5,000 readers and 2,000 books; the same seed always gives
     * the same dataset. Its source is {@code sample-<seed>}.
     */
    public static Dataset sample(long seed) {
        return SampleGenerator.generate(seed);
    }

}
