package io.curio.inference.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;

import io.curio.inference.model.ContentModel;
import io.curio.inference.model.FactorModel;
import io.curio.inference.model.ModelFormat;
import io.curio.inference.model.ModelMetadata;
import io.curio.inference.model.RecommendationModel;

/**
 * What a model costs to store and to hold: its artifact as {@link ModelFormat#write} makes it, the time
 * {@link ModelFormat#read} takes to load it, and the heap the loaded model retains. The retained heap is the
 * difference of the used heap after {@code System.gc()} before and after reading, so it is approximate: other
 * threads allocate meanwhile and a collector may leave some garbage.
 *
 * @param artifactBytes gzip bytes of the artifact
 * @param writeSeconds time to write the artifact to memory
 * @param firstReadSeconds time of the first read, the read code still cold
 * @param readSeconds the fastest of the later reads
 * @param retainedHeapBytes used heap with the read model held minus without it
 * @param ownBytes what the model itself says it holds, or -1 when it does not say
 */
record ModelFootprint(long artifactBytes, double writeSeconds, double firstReadSeconds, double readSeconds,
        long retainedHeapBytes, long ownBytes) {

    private static final int READS = 3;

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    /** The artifact of a model, written to memory. */
    static Artifact write(RecommendationModel model) {
        long started = System.nanoTime();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try {
            ModelFormat.write(model, bytes);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new Artifact(model.metadata(), bytes.toByteArray(), seconds(started), ownBytes(model));
    }

    /**
     * Reads an artifact back {@value #READS} times and measures the heap the last copy retains.
     *
     * @return the footprint and the model as read
     */
    static Loaded read(Artifact artifact) {
        double[] took = new double[READS];
        RecommendationModel model = null;
        long before = 0;
        for (int read = 0; read < READS; read++) {
            model = null;
            before = usedHeapAfterGc();
            long started = System.nanoTime();
            model = artifact.read();
            took[read] = seconds(started);
        }
        long retained = usedHeapAfterGc() - before;
        double fastest = Arrays.stream(took, 1, READS).min().orElseThrow();
        return new Loaded(new ModelFootprint(artifact.bytes().length, artifact.writeSeconds(), took[0], fastest,
                retained, artifact.ownBytes()), model);
    }

    private static long ownBytes(RecommendationModel model) {
        if (model instanceof FactorModel factors) {
            return factors.bytes();
        }
        if (model instanceof ContentModel content) {
            return content.bytes();
        }
        return -1;
    }

    private static long usedHeapAfterGc() {
        System.gc();
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /**
     * A model's artifact in memory.
     *
     * @param metadata the metadata to read it back with
     * @param bytes the gzip bytes
     * @param writeSeconds time to write it
     * @param ownBytes what the written model said it holds, or -1
     */
    record Artifact(ModelMetadata metadata, byte[] bytes, double writeSeconds, long ownBytes) {

        RecommendationModel read() {
            try {
                return ModelFormat.read(this.metadata, new ByteArrayInputStream(this.bytes));
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

    }

    /**
     * A read model with its footprint.
     *
     * @param footprint what it cost
     * @param model the model as read
     */
    record Loaded(ModelFootprint footprint, RecommendationModel model) {
    }

}
