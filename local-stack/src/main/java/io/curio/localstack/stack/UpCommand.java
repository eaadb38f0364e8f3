package io.curio.localstack.stack;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.curio.events.hub.DataHubClients;
import io.curio.events.hub.DataHubLocation;
import io.curio.localstack.cli.Arguments;
import io.curio.localstack.cli.UsageException;
import io.curio.localstack.dataset.Dataset;
import io.curio.localstack.dataset.HeldBackFile;
import io.curio.localstack.dataset.HubImport;
import io.curio.localstack.dataset.SimulationHoldout;
import io.curio.localstack.infra.InfraDescription;
import io.curio.localstack.infra.KinesisEmulator;
import io.curio.localstack.infra.LocalPostgres;
import io.curio.localstack.token.TokenMinter;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code curio up [--dataset DIR] [--home DIR] [--port-offset N] [--database NAME]}: brings the whole stack up, or
 * whatever part of a running stack is down, in seven stages.
 */
public final class UpCommand {

    public static final String DEFAULT_DATABASE = "curio";

    private final Path root;

    private final PrintStream out;

    private final Clock clock;

    private final HttpJson http = new HttpJson();

    public UpCommand(Path root, PrintStream out, Clock clock) {
        this.root = root;
        this.out = out;
        this.clock = clock;
    }

    /** The options of {@code up}, read against the repository root. */
    public record Options(StackHome home, StackPorts ports, String database, DatasetChoice dataset) {

        public static Options parse(List<String> args, Path root) {
            Arguments arguments = Arguments.parse(args, Set.of("dataset", "home", "port-offset", "database"),
                    Set.of()).withoutPositionals();
            StackHome home = new StackHome(arguments.path("home").orElse(root.resolve(".curio")));
            StackPorts ports = new StackPorts(arguments.intValue("port-offset", 0, 0, StackPorts.MAX_OFFSET));
            String database = LocalPostgres.requireValidName(arguments.value("database", DEFAULT_DATABASE));
            Path dataset = arguments.path("dataset").orElse(null);
            if (dataset != null && !Files.isDirectory(dataset)) {
                throw new UsageException("--dataset " + dataset + " is not a folder");
            }
            return new Options(home, ports, database, new DatasetChoice(dataset));
        }

    }

    public void run(List<String> args) {
        Options options = Options.parse(args, this.root);
        boolean freshHome = !Files.exists(options.home().stateFile());
        StackHome home = options.home().create();
        StackState state = loadState(options);
        Progress progress = new Progress(this.out);
        StackCalls calls = new StackCalls(this.http, options.ports(), TokenMinter.fromEnvironment(), this.clock);

        progress.begin("infrastructure");
        if (freshHome) {
            reclaimLeftoverDatabase(options.database(), progress);
        }
        InfraDescription infra = new InfraStage(home, this.root).ensureRunning(infraSettings(options), progress);
        JsonFiles.write(home.stateFile(), state);
        progress.end("PostgreSQL on " + infra.postgres().port() + ", S3 on " + options.ports().s3());

        progress.begin("services");
        int started = new ServicesStage(home, this.root, options.ports(), this.http).ensureRunning(infra, progress);
        progress.end(started + " started, " + (Service.values().length - started) + " already running");

        boolean historyChanged = !state.wasImported(options.dataset().id());
        state = history(options, state, infra, calls, progress);
        runCalls(calls, progress, historyChanged);
        printSummary(options, infra, progress);
    }

    /**
     * A new state folder must not inherit a database an earlier stack left on the shared server: its
     * history, experiments and stream checkpoints belong to data that is gone. An idle leftover is
     * dropped; one in use belongs to a running stack, so this one refuses to share it.
     */
    private static void reclaimLeftoverDatabase(String database, Progress progress) {
        if (!LocalPostgres.answers(LocalPostgres.DEFAULT_PORT, database)) {
            return;
        }
        if (LocalPostgres.sessions(LocalPostgres.DEFAULT_PORT, database) > 0) {
            throw new StackException("database " + database + " on 127.0.0.1:" + LocalPostgres.DEFAULT_PORT
                    + " is in use by another stack; start this one with --database NAME");
        }
        LocalPostgres.dropDatabase(LocalPostgres.DEFAULT_PORT, database);
        progress.step("dropped database " + database + ", left by an earlier stack whose state folder is gone");
    }

    private StackState history(Options options, StackState state, InfraDescription infra, StackCalls calls,
            Progress progress) {
        progress.begin("history");
        if (state.wasImported(options.dataset().id())) {
            progress.end("already imported");
            return state;
        }
        Dataset kept = holdBack(options.dataset().load(), options.home(), progress);
        String prefix = writeHub(kept, infra, progress);
        calls.importHistory(prefix, progress);
        StackState imported = state.withImported(options.dataset().id());
        JsonFiles.write(options.home().stateFile(), imported);
        progress.end("imported");
        return imported;
    }

    /** Keeps the simulation readers' future out of the hub and the feature store; answers what to import. */
    private static Dataset holdBack(Dataset dataset, StackHome home, Progress progress) {
        SimulationHoldout.Split split = SimulationHoldout.split(dataset, SimulationHoldout.DEFAULT_SEED);
        HeldBackFile.write(home.heldBackFuture(), split.future());
        progress.step(String.format(Locale.ROOT, "held back for ./curio simulate: the last fifth of %,d readers' "
                + "interactions, %,d of them, in %s", split.readers(), split.future().size(), home.heldBackFuture()));
        return split.kept();
    }

    private String writeHub(Dataset dataset, InfraDescription infra, Progress progress) {
        InfraDescription.S3 s3 = infra.s3();
        DataHubLocation location = new DataHubLocation(s3.endpoint(), s3.bucket(), s3.region(), s3.accessKey(),
                s3.secretKey());
        try (S3Client client = DataHubClients.s3(location)) {
            var summary = HubImport.write(dataset, client, s3.bucket(), this.clock.instant(), progress::step);
            progress.step(summary.events() + " events in " + summary.objects() + " objects (" + summary.bytes()
                    + " bytes) under " + summary.prefix());
            return summary.prefix();
        }
    }

    private static void runCalls(StackCalls calls, Progress progress, boolean historyChanged) {
        progress.begin("attributes");
        calls.pollAttributes(progress);
        progress.end("polled and loaded");

        progress.begin("models");
        List<String> models = calls.trainModels(progress, historyChanged);
        progress.end(String.join(", ", models));

        progress.begin("experiment");
        calls.startExperiment(progress);
        progress.end("running");

        progress.begin("ready");
        calls.awaitRecommendations(progress);
        progress.end("recommendations served");
    }

    private StackState loadState(Options options) {
        StackState fresh = StackState.of(options.ports(), options.database(), options.dataset(), List.of());
        return JsonFiles.read(options.home().stateFile(), StackState.class)
            .map((recorded) -> requireCompatible(recorded, fresh))
            .orElse(fresh);
    }

    private static StackState requireCompatible(StackState recorded, StackState wanted) {
        if (recorded.portOffset() != wanted.portOffset() || !recorded.database().equals(wanted.database())) {
            throw new StackException("the state folder holds a stack with port offset " + recorded.portOffset()
                    + " and database " + recorded.database()
                    + "; use those options, another --home, or ./curio down --wipe");
        }
        return new StackState(recorded.portOffset(), recorded.database(), wanted.dataset(), recorded.ports(),
                recorded.imported());
    }

    private InfraSettings infraSettings(Options options) {
        return new InfraSettings(options.home(), options.ports(), options.database(), options.dataset(), tools());
    }

    private Path tools() {
        String configured = System.getenv("CURIO_TOOLS_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return (System.getenv("CURIO_ROOT") != null) ? this.root.resolve(".curio/tools")
                : KinesisEmulator.defaultToolsDir();
    }

    private void printSummary(Options options, InfraDescription infra, Progress progress) {
        boolean defaultHome = options.home().root().equals(this.root.resolve(".curio").toAbsolutePath().normalize());
        String stop = "./curio down" + (defaultHome ? "" : " --home " + options.home().root());
        new Summary(this.out).print(options.ports(), infra, progress.durations(), progress.total(), stop);
    }

}
