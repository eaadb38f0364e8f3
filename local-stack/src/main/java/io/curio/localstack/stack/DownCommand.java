package io.curio.localstack.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.curio.localstack.cli.Arguments;
import io.curio.localstack.infra.FreePorts;
import io.curio.localstack.infra.InfraDescription;
import io.curio.localstack.infra.LocalPostgres;

/**
 * {@code curio down [--home DIR] [--wipe]}: stops what {@code up} started, services first, then the
 * infrastructure; with {@code --wipe} also deletes the stack's data (but not the installed tools).
 */
public final class DownCommand {

    private final Path root;

    private final PrintStream out;

    public DownCommand(Path root, PrintStream out) {
        this.root = root;
        this.out = out;
    }

    public void run(List<String> args) {
        Arguments arguments = Arguments.parse(args, Set.of("home"), Set.of("wipe")).withoutPositionals();
        StackHome home = new StackHome(arguments.path("home").orElse(this.root.resolve(".curio")));
        Optional<InfraDescription> infra = JsonFiles.read(home.infraFile(), InfraDescription.class);
        ProcessStopper stopper = new ProcessStopper(home);
        List<String> services = Stream.of(Service.values()).map(Service::processName).toList();
        List<String> stopped = new ArrayList<>(stopper.stop(services));
        stopped.addAll(stopper.stop(List.of(Processes.INFRA)));
        stopped.addAll(stopper.stop(List.of(Processes.KINESIS, Processes.POSTGRES, Processes.REDIS)));
        this.out.println(stopped.isEmpty() ? "nothing was running in " + home.root()
                : "stopped " + String.join(", ", stopped));
        if (arguments.has("wipe")) {
            wipe(home, infra);
        }
    }

    private void wipe(StackHome home, Optional<InfraDescription> infra) {
        Optional<StackState> state = JsonFiles.read(home.stateFile(), StackState.class);
        boolean existingServer = infra.map((description) -> !description.postgres().embedded())
            .orElseGet(() -> !Files.exists(home.postgres().resolve("PG_VERSION"))
                    && FreePorts.isListening(LocalPostgres.DEFAULT_PORT));
        if (existingServer && state.isPresent()) {
            LocalPostgres.dropDatabase(LocalPostgres.DEFAULT_PORT, state.get().database());
            this.out.println("dropped database " + state.get().database());
        }
        deleteAllBut(home.root(), home.tools());
        this.out.println("wiped " + home.root() + " (kept " + home.tools().getFileName() + "/)");
    }

    private static void deleteAllBut(Path folder, Path kept) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> children = Files.list(folder)) {
            children.filter((child) -> !child.equals(kept)).forEach(DownCommand::deleteTree);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot list " + folder, ex);
        }
    }

    private static void deleteTree(Path path) {
        try (Stream<Path> all = Files.walk(path)) {
            for (Path each : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot delete " + path, ex);
        }
    }

}
