package io.curio.localstack.proof;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.curio.events.EventCodec;
import io.curio.events.hub.DataHubClients;
import io.curio.events.hub.DataHubLocation;
import io.curio.events.stream.EngagementStreamPublisher;
import io.curio.events.stream.StreamClients;
import io.curio.events.stream.StreamLocation;
import io.curio.localstack.cli.Arguments;
import io.curio.localstack.infra.InfraDescription;
import io.curio.localstack.stack.JsonFiles;
import io.curio.localstack.stack.Progress;
import io.curio.localstack.stack.RunningStack;
import io.curio.localstack.stack.StackException;
import io.curio.localstack.stack.StackHome;
import io.curio.localstack.stack.Waiting;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code curio fault-test [--events N] [--kills K] [--rate R] [--home DIR] [--report FILE]}: proves on a running
 * stack that SIGKILLs of ingestion-service and feature-service lose no accepted event. Answers 0 only when the
 * hub holds every accepted id and no other id of the run, and feature-service holds each accepted id once.
 */
public final class FaultTestCommand {

    static final int DEFAULT_EVENTS = 2_000;

    static final int DEFAULT_KILLS = 2;

    /** Without {@code --rate}, sending is spread over this long, so the kills land while events flow. */
    static final Duration DEFAULT_SENDING = Duration.ofSeconds(60);

    static final int READERS = 300;

    /** How long a batch is retried while a service restarts before its ids count as not accepted. */
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    /** Verification gives up once nothing changed for this long: well above the archive's 60-s maximum age. */
    static final Duration QUIET = Duration.ofMinutes(3);

    private static final Duration POLL = Duration.ofSeconds(2);

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd't'HHmmss'z'", Locale.ROOT)
        .withZone(ZoneOffset.UTC);

    private final Path root;

    private final PrintStream out;

    private final Clock clock;

    /**
     * @param home the stack's state folder
     * @param events how many events to send
     * @param killsEach SIGKILLs per service
     * @param rate events per second aimed at
     * @param report where the JSON report goes, or {@code null} for the state folder
     */
    record Options(StackHome home, int events, int killsEach, double rate, Path report) {

        static Options parse(List<String> args, Path root) {
            Arguments arguments = Arguments.parse(args, Set.of("events", "kills", "rate", "home", "report"),
                    Set.of()).withoutPositionals();
            int events = arguments.intValue("events", DEFAULT_EVENTS, 1, 10_000_000);
            int rate = arguments.intValue("rate", (int) Math.max(1, events / DEFAULT_SENDING.toSeconds()), 1,
                    100_000);
            return new Options(new StackHome(arguments.path("home").orElse(root.resolve(".curio"))), events,
                    arguments.intValue("kills", DEFAULT_KILLS, 0, 20), rate, arguments.path("report").orElse(null));
        }

        Duration sending() {
            return Duration.ofMillis(Math.round(this.events * 1000.0 / this.rate));
        }

    }

    public FaultTestCommand(Path root, PrintStream out, Clock clock) {
        this.root = root;
        this.out = out;
        this.clock = clock;
    }

    /** Runs the test; answers the exit code: 0 when delivery held, 1 when it did not. */
    public int run(List<String> args) {
        Options options = Options.parse(args, this.root);
        RunningStack stack = RunningStack.open(this.root, options.home());
        Instant startedAt = this.clock.instant();
        String runId = RUN_ID.format(startedAt);
        String prefix = "fault-" + runId;
        Progress progress = new Progress(this.out);
        SyntheticEvents events = new SyntheticEvents(prefix, options.events(), READERS, Catalogue.bookIds(stack));
        FaultReport.Plan plan = new FaultReport.Plan(runId, startedAt, options.events(), options.rate(),
                options.killsEach() * Crashes.TARGETS.size());
        InfraDescription infra = stack.infra();
        try (S3Client s3 = DataHubClients.s3(hubLocation(infra));
                KinesisClient kinesis = StreamClients.kinesis(streamLocation(infra))) {
            FaultReport report = runAndVerify(stack, options, plan, events, s3, kinesis, progress);
            Path file = (options.report() != null) ? options.report()
                    : options.home().root().resolve("reports").resolve("fault-test-" + runId + ".json");
            JsonFiles.write(file, report);
            new FaultSummary(this.out).print(report, file);
            return report.passed() ? 0 : 1;
        }
    }

    private FaultReport runAndVerify(RunningStack stack, Options options, FaultReport.Plan plan,
            SyntheticEvents events, S3Client s3, KinesisClient kinesis, Progress progress) {
        EventCodec codec = new EventCodec(this.clock);
        progress.begin("sending");
        progress.step(options.events() + " events at " + options.rate() + "/s, half through the gateway, half with "
                + "PutRecords; ids " + events.prefix() + "-<n>; " + plan.killsPlanned() + " SIGKILLs planned");
        long started = System.nanoTime();
        Crashes crashes = new Crashes(stack, this.clock, progress);
        CompletableFuture<Void> kills = crashes.start(options.killsEach(), options.sending());
        Delivery delivery = new Delivery(events, new GatewayLane(stack, codec, PATIENCE),
                new StreamLane(new EngagementStreamPublisher(kinesis, stack.infra().kinesis().stream(), codec),
                        PATIENCE), this.clock);
        Delivery.Outcome outcome = delivery.run(options.rate(), progress);
        progress.end(outcome.sent() + " sent, " + outcome.accepted().size() + " accepted");

        progress.begin("restarts");
        join(kills);
        List<Crashes.Kill> done = crashes.awaitRestarts();
        progress.end(done.size() + " kills, every restarted service ready");

        progress.begin("verifying");
        HubTally hub = new HubTally(s3, stack.infra().s3().bucket(), events.prefix() + "-",
                plan.startedAt().minusSeconds(5), codec);
        FaultReport.Found found = settle(hub, new FeatureTally(stack.infra().postgres()), events.prefix() + "-",
                outcome.accepted(), progress);
        progress.end("hub and feature store read");
        return FaultReport.of(plan, outcome, found, done, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Reads the hub and the feature store until both hold every accepted id, or until neither changed for
     * {@link #QUIET}: the archive writes an object when its buffer is full or old enough, whenever that is.
     */
    private static FaultReport.Found settle(HubTally hub, FeatureTally feature, String idPrefix, Set<String> accepted,
            Progress progress) {
        long[] lastChange = { System.nanoTime() };
        int[] lastFeatureRows = { -1 };
        return Waiting.until(Duration.ofDays(1), POLL, () -> {
            boolean changed = hub.refresh();
            List<String> rows = feature.rows(idPrefix);
            changed |= rows.size() != lastFeatureRows[0];
            lastFeatureRows[0] = rows.size();
            FaultReport.Found found = new FaultReport.Found(hub.objects(), hub.counts(), rows);
            boolean complete = found.hub().keySet().containsAll(accepted) && new HashSet<>(rows).containsAll(accepted);
            if (changed) {
                lastChange[0] = System.nanoTime();
                progress.step("hub " + countPresent(found.hub().keySet(), accepted) + "/" + accepted.size()
                        + " accepted ids in " + hub.objects() + " objects, feature store " + rows.size() + " rows");
            }
            boolean quiet = System.nanoTime() - lastChange[0] > QUIET.toNanos();
            if (quiet && !complete) {
                progress.step("nothing changed for " + QUIET.toSeconds() + " s; verifying what is there");
            }
            return (complete || quiet) ? Optional.of(found) : Optional.empty();
        }).orElseThrow();
    }

    private static long countPresent(Set<String> present, Set<String> accepted) {
        return accepted.stream().filter(present::contains).count();
    }

    static DataHubLocation hubLocation(InfraDescription infra) {
        InfraDescription.S3 s3 = infra.s3();
        return new DataHubLocation(s3.endpoint(), s3.bucket(), s3.region(), s3.accessKey(), s3.secretKey());
    }

    static StreamLocation streamLocation(InfraDescription infra) {
        return new StreamLocation(infra.kinesis().stream(), infra.kinesis().endpoint(), infra.kinesis().region());
    }

    private static void join(CompletableFuture<Void> future) {
        try {
            future.join();
        }
        catch (CompletionException ex) {
            throw new StackException("the kill plan failed: " + ex.getCause().getMessage(), ex.getCause());
        }
    }

}
