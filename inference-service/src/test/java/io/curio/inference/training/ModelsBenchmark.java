package io.curio.inference.training;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;

import io.curio.events.DataHubKeys;
import io.curio.events.EventCodec;
import io.curio.events.hub.DataHubClients;
import io.curio.events.hub.DataHubLocation;
import io.curio.inference.InferenceProperties;
import io.curio.inference.evaluation.GoodbooksFolder;
import io.curio.inference.evaluation.HeldOutCheck;
import io.curio.inference.model.Algorithm;
import io.curio.inference.model.ModelMetadata;
import io.curio.inference.model.RecommendationModel;
import io.curio.inference.recommendation.Ranking;
import io.curio.localstack.infra.S3Server;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures every algorithm on the full goodbooks-10k through the service's own code: the dataset is written to an
 * in-process S3 hub, read and indexed once by {@link HubEventReader} and {@link InteractionsBuilder}, then each
 * algorithm is trained from the same {@link Interactions} by the trainer and the held-out check the service uses
 * (training and check timed apart), written and read back
 * with {@code ModelFormat}, and timed per request through {@link Ranking} with histories of real readers.
 * Prints progress and a summary, and writes the numbers as JSON. Nothing here asserts a time: the targets are
 * printed beside the numbers.
 * <p>
 * Arguments: {@code dataset-folder output-file [algorithms, comma-separated or "all", default all] [timed requests
 * per history length, default 2000]}.
 */
public final class ModelsBenchmark {

    private static final PrintStream OUT = System.out;

    private static final int LIST_LENGTH = 10;

    private static final int[] HISTORY_LENGTHS = { 10, 50, 200 };

    private static final int READERS_PER_LENGTH = 200;

    private static final int HUB_READ_THREADS = 2;

    private static final Map<Algorithm, Double> TRAINING_TARGET_SECONDS = Map.of(Algorithm.EASE, 30.0,
            Algorithm.ALS, 30.0, Algorithm.ITEM_NEIGHBOURS, 10.0);

    private static final Map<Algorithm, Double> REQUEST_TARGET_MICROS = Map.of(Algorithm.ALS, 100.0,
            Algorithm.EASE, 600.0);

    private static final com.sun.management.OperatingSystemMXBean SYSTEM =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final InferenceProperties properties = InferenceProperties.defaults();

    private final Trainers trainers = new Trainers(this.properties);

    private final ModelCheck check = new HeldOutCheck(this.properties.training().heldOutReaders(),
            this.properties.training().heldOutSeed(), this.properties.training().threads());

    private final Ranking ranking = new Ranking((bookId) -> true);

    private final Map<String, Object> results = new LinkedHashMap<>();

    private final int requests;

    private ModelsBenchmark(int requests) {
        this.requests = requests;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            fail("usage: ModelsBenchmark dataset-folder output-file [algorithms|all] [requests]");
        }
        Path dataset = Path.of(args[0]).toAbsolutePath().normalize();
        if (!Files.isDirectory(dataset)) {
            fail("no dataset folder at " + dataset);
        }
        List<Algorithm> algorithms = algorithms((args.length > 2) ? args[2] : "all");
        int requests = (args.length > 3) ? positive(args[3]) : 2_000;
        ModelsBenchmark benchmark = new ModelsBenchmark(requests);
        try {
            benchmark.run(dataset, algorithms);
        }
        catch (IllegalArgumentException ex) {
            fail(ex.getMessage());
        }
        benchmark.write(Path.of(args[1]));
    }

    private void run(Path dataset, List<Algorithm> algorithms) throws IOException {
        describeMachine(dataset, algorithms);
        Interactions interactions = readThroughHub(dataset);
        TrainingSet data = new TrainingSet(interactions, catalogue(dataset));
        List<ReaderHistories> histories = histories(interactions);
        List<ModelMeasurement> measured = new ArrayList<>();
        for (Algorithm algorithm : algorithms) {
            measured.add(measure(algorithm, data, histories));
        }
        this.results.put("algorithms", measured);
        this.results.put("loadAverageAtEnd", SYSTEM.getSystemLoadAverage());
        this.results.put("peakHeapBytesUpperBound", peakHeapUpperBound());
        Summary.print(OUT, measured);
    }

    private void describeMachine(Path dataset, List<Algorithm> algorithms) {
        this.results.put("startedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        this.results.put("command", System.getProperty("curio.bench.command", "ModelsBenchmark"));
        this.results.put("dataset", dataset.toString());
        this.results.put("algorithmsSelected", algorithms.stream().map(Algorithm::modelName).toList());
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        machine.put("note", "2 cores shared with other builds; wall times move with the load average");
        machine.put("loadAverageAtStart", SYSTEM.getSystemLoadAverage());
        machine.put("physicalMemoryBytes", SYSTEM.getTotalMemorySize());
        machine.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        machine.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        this.results.put("machine", machine);
        this.results.put("threads", Map.of("training", this.properties.training().threads(), "hubRead",
                HUB_READ_THREADS, "scoring", 1));
        OUT.printf(Locale.ROOT, "models: %s on %d processors, load average %.1f, max heap %d MB%n",
                algorithms.stream().map(Algorithm::modelName).toList(), Runtime.getRuntime().availableProcessors(),
                SYSTEM.getSystemLoadAverage(), Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Writes the dataset to an in-process hub, then reads and indexes it as a training does. */
    private Interactions readThroughHub(Path dataset) throws IOException {
        try (S3Server server = S3Server.start(null, 0)) {
            server.createBucket("curio");
            DataHubLocation location = new DataHubLocation(server.endpoint().toString(), "curio", "us-east-1",
                    S3Server.ACCESS_KEY, S3Server.SECRET_KEY);
            try (S3Client s3 = DataHubClients.s3(location)) {
                writeHub(s3, location, dataset);
                return readHub(s3, location);
            }
        }
    }

    private void writeHub(S3Client s3, DataHubLocation location, Path dataset) throws IOException {
        Stopwatch watch = Stopwatch.start();
        GoodbooksHub hub = GoodbooksHub.of(s3, location);
        hub.write(dataset);
        this.results.put("hubWrite", Map.of("objects", hub.objects(), "events", hub.events(), "seconds",
                watch.seconds()));
        OUT.printf(Locale.ROOT, "hub: wrote %,d events in %d objects in %.1f s%n", hub.events(), hub.objects(),
                watch.seconds());
    }

    private Interactions readHub(S3Client s3, DataHubLocation location) {
        Stopwatch watch = Stopwatch.start();
        InteractionsBuilder builder = new InteractionsBuilder();
        HubEventReader.ReadSummary summary = new HubEventReader(s3, location, new EventCodec(Clock.systemUTC()),
                HUB_READ_THREADS).readAll(builder, (fraction) -> {
                });
        Map<String, Object> read = Map.of("objects", summary.objects(), "events", builder.eventsRead(),
                "skipped", summary.skipped(), "seconds", watch.seconds(), "cpuSeconds", watch.cpuSeconds());
        OUT.printf(Locale.ROOT, "hub: read %,d events from %d objects in %.1f s (%.1f s CPU, S3 server included)%n",
                builder.eventsRead(), summary.objects(), watch.seconds(), watch.cpuSeconds());
        Stopwatch indexing = Stopwatch.start();
        Interactions interactions = builder.build();
        this.results.put("hubRead", read);
        this.results.put("indexing", Map.of("interactions", interactions.size(), "readers", interactions.users(),
                "books", interactions.books(), "seconds", indexing.seconds()));
        OUT.printf(Locale.ROOT, "index: %,d positive interactions, %,d readers, %,d books in %.2f s%n",
                interactions.size(), interactions.users(), interactions.books(), indexing.seconds());
        return interactions;
    }

    /** The book attributes the content model learns from, as the local stack serves them. */
    private List<BookAttributes> catalogue(Path dataset) {
        Stopwatch watch = Stopwatch.start();
        List<BookAttributes> catalogue = GoodbooksFolder.read(dataset, false).catalogue();
        this.results.put("catalogue", Map.of("books", catalogue.size(), "seconds", watch.seconds()));
        OUT.printf(Locale.ROOT, "catalogue: %,d books with attributes in %.1f s%n", catalogue.size(),
                watch.seconds());
        return catalogue;
    }

    /** Histories of every length that some reader reaches. */
    private List<ReaderHistories> histories(Interactions interactions) {
        List<ReaderHistories> histories = Arrays.stream(HISTORY_LENGTHS)
            .mapToObj((length) -> ReaderHistories.draw(interactions, length, READERS_PER_LENGTH, 7L + length))
            .toList();
        this.results.put("histories", histories.stream()
            .map((drawn) -> Map.of("length", drawn.length(), "eligibleReaders", drawn.eligibleReaders(),
                    "histories", drawn.histories().size(), "readersPerHistory", drawn.readersPerHistory()))
            .toList());
        histories.forEach((drawn) -> OUT.printf(Locale.ROOT, "histories: %d of %d books from %,d readers with "
                + "that many%s%n", drawn.histories().size(), drawn.length(), drawn.eligibleReaders(),
                (drawn.readersPerHistory() > 1) ? String.format(Locale.ROOT, "; each joins %.1f readers with %d "
                        + "or more", drawn.readersPerHistory(), drawn.length() / 2) : ""));
        return histories.stream().filter((drawn) -> !drawn.histories().isEmpty()).toList();
    }

    private ModelMeasurement measure(Algorithm algorithm, TrainingSet data, List<ReaderHistories> histories) {
        Trained trained = train(algorithm, data);
        ModelFootprint.Artifact artifact = trained.artifact();
        ModelFootprint.Loaded loaded = ModelFootprint.read(artifact);
        ModelFootprint footprint = loaded.footprint();
        OUT.printf(Locale.ROOT, "%s: artifact %.1f MB, read %.2f s (first %.2f s), retained heap about %.1f MB%n",
                algorithm.modelName(), footprint.artifactBytes() / 1e6, footprint.readSeconds(),
                footprint.firstReadSeconds(), footprint.retainedHeapBytes() / 1e6);
        List<RequestTimes> times = timeRequests(loaded.model(), histories);
        return new ModelMeasurement(algorithm.modelName(), artifact.metadata().parameters(),
                trained.seconds(), trained.cpuSeconds(), trained.checkSeconds(), trained.checkedReaders(),
                artifact.metadata().metrics(), TRAINING_TARGET_SECONDS.get(algorithm), loaded.model().books().size(),
                times, REQUEST_TARGET_MICROS.get(algorithm), footprint);
    }

    /**
     * Trains as {@code ModelTraining} does: through the held-out check the service configures, which trains on the
     * interactions less the held-out readers' targets and measures the model on them; then writes the artifact.
     */
    private Trained train(Algorithm algorithm, TrainingSet data) {
        TimedTrainer trainer = new TimedTrainer(this.trainers.of(algorithm));
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Stopwatch watch = Stopwatch.start();
        ModelCheck.Checked checked = this.check.trainAndMeasure(trainer, data, metadata(algorithm,
                data.interactions(), createdAt, trainer.parameters(), 0), progress(algorithm), (fraction) -> {
                });
        double checkSeconds = watch.seconds() - trainer.seconds();
        OUT.printf(Locale.ROOT, "%s: trained %,d books in %.1f s (%.1f s CPU)%s; held-out check %.1f s on %,d "
                + "readers, recall@20 %.3f%n", algorithm.modelName(), checked.model().books().size(),
                trainer.seconds(), trainer.cpuSeconds(), target(TRAINING_TARGET_SECONDS.get(algorithm),
                        trainer.seconds(), " s"), checkSeconds, checked.readers(),
                checked.metrics().getOrDefault("recall@20", 0.0));
        ModelMetadata metadata = metadata(algorithm, data.interactions(), createdAt, trainer.parameters(),
                trainer.seconds() + checkSeconds).withMetrics(checked.metrics());
        return new Trained(ModelFootprint.write(checked.model().withMetadata(metadata)), trainer.seconds(),
                trainer.cpuSeconds(), checkSeconds, checked.readers());
    }

    private static ModelMetadata metadata(Algorithm algorithm, Interactions interactions, Instant createdAt,
            Map<String, Object> parameters, double seconds) {
        return new ModelMetadata(algorithm.modelName(), DataHubKeys.modelVersion(createdAt), createdAt,
                interactions.dataFrom(), interactions.dataTo(), interactions.eventsRead(), interactions.size(),
                interactions.users(), interactions.books(), parameters, Math.round(seconds * 1000) / 1000.0);
    }

    private static DoubleConsumer progress(Algorithm algorithm) {
        AtomicInteger quarters = new AtomicInteger();
        return (fraction) -> {
            int quarter = (int) (fraction * 4);
            if (quarter > quarters.getAndAccumulate(quarter, Math::max) && quarter < 4) {
                OUT.printf(Locale.ROOT, "%s: training %d %%%n", algorithm.modelName(), quarter * 25);
            }
        };
    }

    /** Warms the ranking up on every history length, then times each. */
    private List<RequestTimes> timeRequests(RecommendationModel model, List<ReaderHistories> histories) {
        histories.forEach((drawn) -> RequestTimes.measure(this.ranking, model, drawn, this.requests / 2,
                LIST_LENGTH));
        List<RequestTimes> times = histories.stream()
            .map((drawn) -> RequestTimes.measure(this.ranking, model, drawn, this.requests, LIST_LENGTH))
            .toList();
        Double target = REQUEST_TARGET_MICROS.get(model.algorithm());
        times.forEach((time) -> OUT.printf(Locale.ROOT, "%s: top-%d of %,d books, history %d: p50 %.0f µs, "
                + "p99 %.0f µs%s%n", model.algorithm().modelName(), LIST_LENGTH, model.books().size(),
                time.historyLength(), time.p50Micros(), time.p99Micros(), target(target, time.p50Micros(), " µs")));
        return times;
    }

    private static String target(Double target, double measured, String unit) {
        if (target == null) {
            return "";
        }
        return String.format(Locale.ROOT, " (target %.0f%s: %s)", target, unit, (measured <= target) ? "met"
                : "missed");
    }

    private static long peakHeapUpperBound() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter((pool) -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getPeakUsage)
            .mapToLong((usage) -> usage.getUsed())
            .sum();
    }

    private void write(Path output) throws IOException {
        Files.createDirectories(output.toAbsolutePath().getParent());
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(output, mapper.writeValueAsString(this.results) + "\n");
        OUT.println("models: written to " + output);
    }

    private static List<Algorithm> algorithms(String selection) {
        if ("all".equals(selection)) {
            return List.of(Algorithm.values());
        }
        List<Algorithm> chosen = new ArrayList<>();
        for (String name : selection.split(",")) {
            Optional<Algorithm> algorithm = Algorithm.fromModelName(name.strip());
            if (algorithm.isEmpty()) {
                fail("unknown algorithm '" + name.strip() + "'; choose from " + Arrays.stream(Algorithm.values())
                    .map(Algorithm::modelName)
                    .toList() + " or all");
            }
            else if (!chosen.contains(algorithm.get())) {
                chosen.add(algorithm.get());
            }
        }
        return chosen;
    }

    private static int positive(String value) {
        if (!value.matches("[1-9][0-9]{0,8}")) {
            fail("requests must be a positive whole number, not '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    private static void fail(String message) {
        System.err.println("models: " + message);
        System.exit(2);
    }

    /**
     * A trained model's artifact and what training it took.
     *
     * @param artifact the artifact as the service would store it
     * @param seconds wall-clock training time
     * @param cpuSeconds CPU time of the whole process meanwhile
     * @param checkSeconds the rest of the held-out check: the split and the measuring
     * @param checkedReaders held-out readers measured
     */
    private record Trained(ModelFootprint.Artifact artifact, double seconds, double cpuSeconds, double checkSeconds,
            int checkedReaders) {
    }

}
