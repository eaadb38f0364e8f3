package io.curio.inference.algebra;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * Times the numeric kernels on goodbooks-10k (ratings of 4 or more and to-read marks, weight 1): the inverse of the
 * item Gram matrix by this package's blocked sweep against EJML's Cholesky-based inverses in float and double,
 * EASE and ALS training, and scoring per request. A seeded fifth of the books of 1,000 readers is held out of
 * training to report Recall@20, a sanity check of the kernels only.
 * <p>
 * Arguments: {@code dataset-folder output-file [EASE books, default 10000] [books of the inverse comparison,
 * default 2000] [scored requests, default 2000] [threads, default 2]}.
 */
public final class KernelsBenchmark {

    private static final PrintStream OUT = System.out;

    private static final float EASE_LAMBDA = 500f;

    private static final ImplicitAls ALS = new ImplicitAls(64, 10, 10f, 1f, 3, 42L);

    private static final int TOP = 10;

    private static final int RECALL_AT = 20;

    private KernelsBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dataset = Path.of(args[0]);
        int easeItems = argument(args, 2, 10_000);
        int compareItems = argument(args, 3, 2_000);
        int requests = argument(args, 4, 2_000);
        int threads = argument(args, 5, 2);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("threads", threads);
        results.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        results.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        HeldOutSplit split = load(dataset, results);
        try (ComputePool pool = new ComputePool(threads)) {
            results.put("inverse", compareInverses(split.training(), compareItems, pool));
            results.put("ease", ease(split, easeItems, requests, pool));
            results.put("als", als(split, requests, pool));
        }
        String json = toJson(results);
        OUT.println("kernels summary: " + json);
        Files.writeString(Path.of(args[1]), json + "\n", StandardCharsets.UTF_8);
    }

    private static HeldOutSplit load(Path dataset, Map<String, Object> results) throws IOException {
        long start = System.nanoTime();
        GoodbooksPositives positives = GoodbooksPositives.read(dataset);
        float[] weights = new float[positives.userIndexes().length];
        Arrays.fill(weights, 1f);
        InteractionMatrix all = InteractionMatrix.of(positives.users(), positives.items(), positives.userIndexes(),
                positives.itemIndexes(), weights);
        HeldOutSplit split = HeldOutSplit.of(all, 1_000, 7L);
        OUT.printf(Locale.ROOT, "loaded %,d positives of %,d readers × %,d books in %.1f s; training on %,d%n",
                all.nonZeros(), all.users(), all.items(), seconds(start), split.training().nonZeros());
        results.put("positives", all.nonZeros());
        results.put("readers", all.users());
        results.put("books", all.items());
        results.put("trainingPositives", split.training().nonZeros());
        return split;
    }

    private static Map<String, Object> compareInverses(InteractionMatrix matrix, int n, ComputePool pool) {
        float[][] gram = Ease.gram(matrix, Ease.mostRead(matrix, n), pool);
        for (int i = 0; i < n; i++) {
            gram[i][i] += EASE_LAMBDA;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("books", n);
        DMatrixRMaj reference = ejmlDouble(gram, n, result);
        warmUpSweep(gram, pool);
        int block = SymmetricInverse.DEFAULT_BLOCK;
        result.put("sweepFloatBlock" + block + "Threads" + pool.threads(), timeSweep(gram, n, block, pool, reference));
        for (int other : new int[] { 32, 128, 256 }) {
            result.put("sweepFloatBlock" + other, timeSweep(gram, n, other, pool, reference));
        }
        try (ComputePool single = new ComputePool(1)) {
            result.put("sweepFloatBlock" + block + "Threads1", timeSweep(gram, n, block, single, reference));
        }
        result.put("ejmlFloatCholesky", timeEjmlFloat(gram, n, reference));
        result.put("note", "maxRelativeError is the largest |x - x_ejml_double| over the largest |x_ejml_double|;"
                + " the double run is the reference. gflops counts n^3 operations, the cost of an SPD inverse."
                + " Each run once after one untimed run; noisy shared machine.");
        return result;
    }

    private static DMatrixRMaj ejmlDouble(float[][] gram, int n, Map<String, Object> result) {
        DMatrixRMaj matrix = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            matrix.data[i] = gram[i / n][i % n];
        }
        DMatrixRMaj inverse = new DMatrixRMaj(n, n);
        long start = System.nanoTime();
        CommonOps_DDRM.invertSPD(matrix, inverse);
        result.put("ejmlDoubleCholesky", timing(seconds(start), n, 0));
        report("inverse ejml double", result.get("ejmlDoubleCholesky"));
        return inverse;
    }

    /** One untimed inverse of the same size, so that no timed run pays for compiling the kernel. */
    private static void warmUpSweep(float[][] gram, ComputePool pool) {
        float[][] copy = Arrays.stream(gram).map(float[]::clone).toArray(float[][]::new);
        SymmetricInverse.invertInPlace(copy, SymmetricInverse.DEFAULT_BLOCK, pool);
    }

    private static Map<String, Object> timeSweep(float[][] gram, int n, int block, ComputePool pool,
            DMatrixRMaj reference) {
        float[][] a = Arrays.stream(gram).map(float[]::clone).toArray(float[][]::new);
        long start = System.nanoTime();
        SymmetricInverse.invertInPlace(a, block, pool);
        Map<String, Object> timing = timing(seconds(start), n, maxRelativeError(a, reference));
        report("inverse sweep float, block " + block + ", " + pool.threads() + " threads", timing);
        return timing;
    }

    private static Map<String, Object> timeEjmlFloat(float[][] gram, int n, DMatrixRMaj reference) {
        FMatrixRMaj matrix = new FMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            System.arraycopy(gram[i], 0, matrix.data, i * n, n);
        }
        FMatrixRMaj inverse = new FMatrixRMaj(n, n);
        long start = System.nanoTime();
        CommonOps_FDRM.invertSPD(matrix, inverse);
        float[][] rows = new float[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(inverse.data, i * n, rows[i], 0, n);
        }
        Map<String, Object> timing = timing(seconds(start), n, maxRelativeError(rows, reference));
        report("inverse ejml float", timing);
        return timing;
    }

    private static double maxRelativeError(float[][] a, DMatrixRMaj reference) {
        int n = a.length;
        double largest = 0;
        double error = 0;
        for (int i = 0; i < n * n; i++) {
            largest = Math.max(largest, Math.abs(reference.data[i]));
            error = Math.max(error, Math.abs(a[i / n][i % n] - reference.data[i]));
        }
        return error / largest;
    }

    private static Map<String, Object> timing(double seconds, int n, double maxRelativeError) {
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("seconds", seconds);
        timing.put("gflops", n * n * (double) n / seconds / 1e9);
        timing.put("maxRelativeError", maxRelativeError);
        return timing;
    }

    private static Map<String, Object> ease(HeldOutSplit split, int items, int requests, ComputePool pool) {
        InteractionMatrix training = split.training();
        long start = System.nanoTime();
        Ease.gram(training, Ease.mostRead(training, items), pool);
        double gramSeconds = seconds(start);
        start = System.nanoTime();
        long cpuStart = processCpuNanos();
        EaseModel model = new Ease(EASE_LAMBDA, items).train(training, pool);
        double trainSeconds = seconds(start);
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        OUT.printf(Locale.ROOT, "EASE %,d books, λ %.0f: trained in %.1f s wall, %.1f s CPU (Gram alone %.2f s)%n",
                model.modelledItems(), EASE_LAMBDA, trainSeconds, cpuSeconds, gramSeconds);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("books", model.modelledItems());
        result.put("lambda", EASE_LAMBDA);
        result.put("trainSeconds", trainSeconds);
        result.put("trainCpuSeconds", cpuSeconds);
        result.put("gramSeconds", gramSeconds);
        result.put("modelBytes", model.bytes());
        result.put("scoring", latencies("EASE", requests, (user) -> model.recommend(training.itemsOf(user), TOP)));
        result.put("recallAt20Sanity", recall(split, (user) -> model.recommend(training.itemsOf(user), RECALL_AT)));
        return result;
    }

    private static Map<String, Object> als(HeldOutSplit split, int requests, ComputePool pool) {
        InteractionMatrix training = split.training();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        FactorModel model = ALS.train(training, pool);
        double trainSeconds = seconds(start);
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        OUT.printf(Locale.ROOT, "ALS %s: trained in %.1f s wall, %.1f s CPU%n", ALS, trainSeconds, cpuSeconds);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("settings", ALS.toString());
        result.put("trainSeconds", trainSeconds);
        result.put("trainCpuSeconds", cpuSeconds);
        result.put("modelBytes", model.bytes());
        result.put("scoringKnownReader", latencies("ALS known reader", requests,
                (user) -> model.recommend(user, training.itemsOf(user), TOP)));
        result.put("scoringFoldIn", latencies("ALS fold-in", requests, (user) -> model.recommend(
                model.foldIn(training.itemsOf(user), training.weightsOf(user)), training.itemsOf(user), TOP)));
        result.put("recallAt20Sanity", recall(split,
                (user) -> model.recommend(user, training.itemsOf(user), RECALL_AT)));
        result.put("recallAt20FoldInSanity", recall(split, (user) -> model.recommend(
                model.foldIn(training.itemsOf(user), training.weightsOf(user)), training.itemsOf(user), RECALL_AT)));
        return result;
    }

    /** Per-request time over the first {@code requests} readers, after one untimed pass over them. */
    private static Map<String, Object> latencies(String name, int requests, IntFunction<RankedItems> recommend) {
        long checksum = 0;
        for (int user = 0; user < requests; user++) {
            checksum += recommend.apply(user).size();
        }
        long[] nanos = new long[requests];
        for (int user = 0; user < requests; user++) {
            long start = System.nanoTime();
            checksum += recommend.apply(user).size();
            nanos[user] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("requests", requests);
        result.put("medianMicros", nanos[requests / 2] / 1e3);
        result.put("p99Micros", nanos[(int) (requests * 0.99)] / 1e3);
        result.put("listed", checksum);
        OUT.printf(Locale.ROOT, "%s top-%d: median %.1f µs, p99 %.1f µs over %,d requests%n", name, TOP,
                nanos[requests / 2] / 1e3, nanos[(int) (requests * 0.99)] / 1e3, requests);
        return result;
    }

    /** Mean over the evaluated readers of |top 20 ∩ held out| / min(20, |held out|). */
    private static double recall(HeldOutSplit split, IntFunction<RankedItems> recommend) {
        double sum = 0;
        for (int e = 0; e < split.evaluatedUsers().length; e++) {
            int[] held = split.heldOut()[e];
            long hits = Arrays.stream(recommend.apply(split.evaluatedUsers()[e]).items())
                .filter((item) -> Arrays.binarySearch(held, item) >= 0)
                .count();
            sum += (double) hits / Math.min(RECALL_AT, held.length);
        }
        return sum / split.evaluatedUsers().length;
    }

    private static void report(String name, Object timing) {
        Map<?, ?> values = (Map<?, ?>) timing;
        OUT.printf(Locale.ROOT, "%s: %.2f s, %.1f GFLOP/s, max relative error %.2e%n", name, values.get("seconds"),
                values.get("gflops"), values.get("maxRelativeError"));
    }

    private static int argument(String[] args, int index, int fallback) {
        return (args.length > index) ? Integer.parseInt(args[index]) : fallback;
    }

    /** CPU time of the whole process (every thread, the JIT and the collector included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String toJson(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet()
                .stream()
                .map((entry) -> "\"" + entry.getKey() + "\":" + toJson(entry.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof Double number && !Double.isFinite(number)) {
            return "null";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        return "\"" + value.toString().replace("\"", "\\\"") + "\"";
    }

}
