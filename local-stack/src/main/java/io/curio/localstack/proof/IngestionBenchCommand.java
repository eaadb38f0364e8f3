package io.curio.localstack.proof;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.curio.events.EventCodec;
import io.curio.events.hub.DataHubClients;
import io.curio.events.stream.EngagementStreamPublisher;
import io.curio.events.stream.StreamClients;
import io.curio.localstack.cli.Arguments;
import io.curio.localstack.cli.UsageException;
import io.curio.localstack.stack.DatasetChoice;
import io.curio.localstack.stack.JsonFiles;
import io.curio.localstack.stack.Progress;
import io.curio.localstack.stack.RunningStack;
import io.curio.localstack.stack.StackHome;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * {@code curio bench ingestion}: measures on a running stack the stream-to-hub rate of one ingestion-service
 * instance, the bulk history import, and stream-to-feature freshness; prints a summary and writes a JSON report.
 */
public final class IngestionBenchCommand {

    static final Set<String> PARTS = Set.of("stream-to-hub", "bulk-import", "freshness");

    private final Path root;

    private final PrintStream out;

    private final Clock clock;

    /**
     * @param home the stack's state folder
     * @param events events put on the stream for the stream-to-hub rate
     * @param dataset the folder whose history import is timed
     * @param freshnessRate events a second while measuring freshness
     * @param freshnessSeconds how long freshness events are sent
     * @param report where the JSON report goes
     * @param consumerCost a JSON file with the consumer's cost per event to include, or {@code null}
     * @param parts which measurements run
     */
    record Options(StackHome home, int events, DatasetChoice dataset, int freshnessRate, int freshnessSeconds,
            Path report, Path consumerCost, Set<String> parts) {

        static Options parse(List<String> args, Path root, Instant now) {
            Arguments arguments = Arguments.parse(args, Set.of("home", "events", "dataset", "freshness-rate",
                    "freshness-seconds", "report", "consumer-cost", "only"), Set.of()).withoutPositionals();
            Path dataset = arguments.path("dataset").orElse(root.resolveSibling("shared/data/goodbooks-10k"));
            Set<String> parts = Set.of(arguments.value("only", String.join(",", PARTS)).split(","));
            if (!PARTS.containsAll(parts)) {
                throw new UsageException("--only takes some of " + PARTS + ", not " + parts);
            }
            Path report = arguments.path("report").orElse(root.resolve("bench/results/ingestion-"
                    + BenchReport.TIMESTAMP.format(now) + ".json"));
            return new Options(new StackHome(arguments.path("home").orElse(root.resolve(".curio"))),
                    arguments.intValue("events", 20_000, 10, 10_000_000), new DatasetChoice(dataset),
                    arguments.intValue("freshness-rate", 10, 1, 1000),
                    arguments.intValue("freshness-seconds", 30, 1, 3600), report,
                    arguments.path("consumer-cost").orElse(null), parts);
        }

    }

    public IngestionBenchCommand(Path root, PrintStream out, Clock clock) {
        this.root = root;
        this.out = out;
        this.clock = clock;
    }

    public void run(List<String> args) {
        Instant startedAt = this.clock.instant();
        Options options = Options.parse(args, this.root, startedAt);
        RunningStack stack = RunningStack.open(this.root, options.home());
        String prefix = "bench-" + BenchReport.TIMESTAMP.format(startedAt).toLowerCase(Locale.ROOT);
        Progress progress = new Progress(this.out);
        EventCodec codec = new EventCodec(this.clock);
        try (S3Client s3 = DataHubClients.s3(FaultTestCommand.hubLocation(stack.infra()));
                KinesisClient kinesis = StreamClients.kinesis(FaultTestCommand.streamLocation(stack.infra()))) {
            EngagementStreamPublisher publisher = new EngagementStreamPublisher(kinesis,
                    stack.infra().kinesis().stream(), codec);
            List<String> books = Catalogue.bookIds(stack);
            BenchReport report = new BenchReport(startedAt, BenchReport.Machine.now(),
                    streamToHub(options, stack, publisher, s3, new SyntheticEvents(prefix + "-t", options.events(),
                            FaultTestCommand.READERS, books), progress),
                    bulkImport(options, stack, s3, prefix, progress),
                    freshness(options, stack, publisher, prefix, books.get(0), progress), consumerCost(options));
            JsonFiles.write(options.report(), report);
            new BenchSummary(this.out).print(report, options.report());
        }
    }

    private StreamToHubRun.Result streamToHub(Options options, RunningStack stack,
            EngagementStreamPublisher publisher, S3Client s3, SyntheticEvents events, Progress progress) {
        if (!options.parts().contains("stream-to-hub")) {
            return null;
        }
        progress.begin("stream to hub");
        StreamToHubRun.Result result = new StreamToHubRun(stack, publisher, s3, this.clock).measure(events, progress);
        progress.end(result.eventsPerSecond() + " events/s for one ingestion instance");
        return result;
    }

    private BulkImportRun.Result bulkImport(Options options, RunningStack stack, S3Client s3, String prefix,
            Progress progress) {
        if (!options.parts().contains("bulk-import")) {
            return null;
        }
        progress.begin("bulk import");
        BulkImportRun.Result result = new BulkImportRun(stack, s3, this.clock).measure(options.dataset(), prefix,
                progress);
        progress.end(result.totalSeconds() + " s in all");
        return result;
    }

    private FreshnessRun.Result freshness(Options options, RunningStack stack, EngagementStreamPublisher publisher,
            String prefix, String bookId, Progress progress) {
        if (!options.parts().contains("freshness")) {
            return null;
        }
        progress.begin("freshness");
        FreshnessRun.Result result = new FreshnessRun(stack, publisher, this.clock).measure(prefix, bookId,
                options.freshnessRate(), Duration.ofSeconds(options.freshnessSeconds()), progress);
        progress.end("p50 " + result.p50Ms() + " ms, p99 " + result.p99Ms() + " ms");
        return result;
    }

    private static JsonNode consumerCost(Options options) {
        if (options.consumerCost() == null) {
            return null;
        }
        if (!Files.isRegularFile(options.consumerCost())) {
            throw new UsageException("--consumer-cost " + options.consumerCost() + " is not a file");
        }
        return JsonFiles.read(options.consumerCost(), JsonNode.class)
            .orElseThrow(() -> new UsageException("--consumer-cost " + options.consumerCost() + " is not JSON"));
    }

}
