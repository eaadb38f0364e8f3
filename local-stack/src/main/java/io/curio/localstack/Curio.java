package io.curio.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.curio.localstack.cli.UsageException;
import io.curio.localstack.proof.FaultTestCommand;
import io.curio.localstack.proof.IngestionBenchCommand;
import io.curio.localstack.simulation.SimulateCommand;
import io.curio.localstack.simulation.SimulationUnavailableException;
import io.curio.localstack.stack.DownCommand;
import io.curio.localstack.stack.InfraCommand;
import io.curio.localstack.stack.StatusCommand;
import io.curio.localstack.stack.UpCommand;
import io.curio.localstack.token.TokenCommand;
import io.curio.localstack.token.TokenMinter;

/**
 * The {@code ./curio} command: runs all of Curio on one machine.
 */
public final class Curio {

    static final String USAGE = """
            Usage: ./curio COMMAND [OPTIONS]

            Runs Curio on one machine: its infrastructure (PostgreSQL, Redis, an S3 server, a Kinesis emulator,
            the dataset's attribute endpoints) and the five services, with a dataset imported and models trained.

            Commands:
              up      [--dataset DIR] [--home DIR] [--port-offset N] [--database NAME]
                      start whatever is not running; import the dataset (default: a built-in sample),
                      train the models, start the home-ranking experiment
              down    [--home DIR] [--wipe]
                      stop everything up started; --wipe also deletes the data and drops the database
              status  [--home DIR]
                      each process with pid, port and health, and the infrastructure's addresses
              token   USER [--plan free|premium] [--scope "recs:read events:write"] [--ttl SECONDS]
                      print an HS256 token for the gateway, signed with CURIO_JWT_SECRET or the local default
              fault-test [--events N] [--kills K] [--rate R] [--home DIR] [--report FILE]
                      send N events (default 2000) through the gateway and the stream while SIGKILLing
                      ingestion and feature K times each (default 2); exit 0 only when none was lost
              bench ingestion [--home DIR] [--events M] [--dataset DIR] [--freshness-rate R]
                      [--freshness-seconds S] [--only PARTS] [--report FILE] [--consumer-cost FILE]
                      measure stream-to-hub events/s, the bulk import and stream-to-feature freshness
              simulate [--users N] [--minutes M] [--rate R] [--seed S] [--home DIR] [--experiment KEY]
                      [--click P]
                      play N readers (default 1000) for M minutes (default 4) against the gateway: each asks for
                      recommendations and clicks the books of their held-back future; then print the experiment's
                      results and save them in <home>/simulation/
              evaluate [--dataset DIR] [--algorithms a,b,...] [--users N] [--seed S] [--no-to-read]
                      [--out FILE] [--set curio.inference.KEY=VALUE ...]
                      offline evaluation of the algorithms on a goodbooks folder (no stack needed): hold
                      readers out, train, print Recall, NDCG and coverage, write bench/results/evaluation.json

            Options for every command:
              --verbose   print stack traces of failures
              --help      print this text

            Defaults: --home $CURIO_ROOT/.curio, --port-offset 0 (gateway 8080 and its health 8090, ingestion
            8081 ... abtest 8084, S3 9000, Kinesis 4567, attributes 9100), --database curio.
            """;

    private Curio() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs a command line; answers the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(args);
        boolean verbose = rest.remove("--verbose");
        try {
            return dispatch(rest, out);
        }
        catch (UsageException ex) {
            err.println("curio: " + ex.getMessage() + " (see ./curio --help)");
            return 2;
        }
        catch (SimulationUnavailableException ex) {
            err.println("curio: " + ex.getMessage());
            return 2;
        }
        catch (RuntimeException | InterruptedException ex) {
            err.println("curio: " + message(ex));
            if (verbose) {
                ex.printStackTrace(err);
            }
            return 1;
        }
    }

    private static int dispatch(List<String> args, PrintStream out) throws InterruptedException {
        if (args.isEmpty() || args.contains("--help") || args.get(0).equals("help")) {
            out.print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        List<String> options = args.subList(1, args.size());
        Path root = root();
        switch (args.get(0)) {
            case "fault-test" -> {
                return new FaultTestCommand(root, out, Clock.systemUTC()).run(options);
            }
            case "bench" -> bench(options, root, out);
            case "simulate" -> new SimulateCommand(root, out, Clock.systemUTC()).run(options);
            case "up" -> new UpCommand(root, out, Clock.systemUTC()).run(options);
            case "down" -> new DownCommand(root, out).run(options);
            case "status" -> new StatusCommand(root, out).run(options);
            case "token" -> new TokenCommand(TokenMinter.fromEnvironment(), Clock.systemUTC()).run(options, out);
            case InfraCommand.NAME -> InfraCommand.run(options);
            default -> throw new UsageException("unknown command '" + args.get(0) + "'");
        }
        return 0;
    }

    private static void bench(List<String> options, Path root, PrintStream out) {
        if (options.isEmpty() || !options.get(0).equals("ingestion")) {
            throw new UsageException("bench takes what to measure: ingestion");
        }
        new IngestionBenchCommand(root, out, Clock.systemUTC()).run(options.subList(1, options.size()));
    }

    private static Path root() {
        String configured = System.getenv("CURIO_ROOT");
        return Path.of((configured != null && !configured.isBlank()) ? configured : "").toAbsolutePath();
    }

    private static String message(Throwable failure) {
        String message = failure.getMessage();
        Throwable cause = failure.getCause();
        if (cause != null && cause.getMessage() != null && (message == null || !message.contains(cause.getMessage()))) {
            return ((message != null) ? message + ": " : "") + cause.getMessage();
        }
        return (message != null) ? message : failure.getClass().getSimpleName();
    }

}
