package io.curio.localstack.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.curio.localstack.infra.InfraDescription;

/**
 * Makes sure the stack's infrastructure process runs: reuses it when it does, otherwise starts
 * {@code curio infra} in the background and waits for it to write {@code infra.json}.
 */
final class InfraStage {

    private static final Duration STARTUP = Duration.ofMinutes(6);

    private final StackHome home;

    private final Path root;

    InfraStage(StackHome home, Path root) {
        this.home = home;
        this.root = root;
    }

    /** The running infrastructure's description, if its process is alive and has described itself. */
    static Optional<InfraDescription> running(StackHome home) {
        return home.pids().running(Processes.INFRA, InfraCommand.marker(home))
            .flatMap((process) -> JsonFiles.read(home.infraFile(), InfraDescription.class))
            .filter((description) -> home.pids().read(Processes.INFRA).orElse(-1) == description.pid());
    }

    InfraDescription ensureRunning(InfraSettings settings, Progress progress) {
        Optional<InfraDescription> running = running(this.home);
        if (running.isPresent()) {
            requireSameDataset(running.get(), settings.dataset());
            progress.step("already running (pid " + running.get().pid() + ")");
            return running.get();
        }
        StaleProcesses.stopInfrastructure(this.home);
        deleteDescription();
        List<String> command = Launch.curio(List.of("-Xmx512m", "-Daws.cborEnabled=false"), arguments(settings),
                new JarCopies(this.home));
        Process process = Launch.detached(command, this.home.log(Processes.INFRA), this.root,
                Map.of("CBOR_ENABLED", "false"));
        this.home.pids().write(Processes.INFRA, process.pid());
        progress.step("started pid " + process.pid() + ", log " + this.home.log(Processes.INFRA));
        return awaitDescription(process);
    }

    private static List<String> arguments(InfraSettings settings) {
        List<String> args = new ArrayList<>(List.of(InfraCommand.NAME, "--home",
                settings.home().root().toString(), "--port-offset", String.valueOf(settings.ports().offset()),
                "--database", settings.database(), "--tools", settings.tools().toString()));
        if (settings.dataset().folder() != null) {
            args.addAll(List.of("--dataset", settings.dataset().folder().toString()));
        }
        return args;
    }

    private InfraDescription awaitDescription(Process process) {
        return Waiting.until(STARTUP, Duration.ofMillis(250), () -> {
            if (!process.isAlive()) {
                throw new StackException("the infrastructure process exited with " + process.exitValue()
                        + ":\n" + LogTail.of(this.home.log(Processes.INFRA), 20));
            }
            return JsonFiles.read(this.home.infraFile(), InfraDescription.class)
                .filter((description) -> description.pid() == process.pid());
        }).orElseThrow(() -> new StackException("the infrastructure did not start within " + STARTUP.toMinutes()
                + " min:\n" + LogTail.of(this.home.log(Processes.INFRA), 20)));
    }

    private static void requireSameDataset(InfraDescription running, DatasetChoice wanted) {
        if (!running.dataset().equals(wanted.id())) {
            throw new StackException("this stack serves dataset " + running.dataset() + ", not " + wanted.id()
                    + "; run ./curio down first to switch");
        }
    }

    private void deleteDescription() {
        try {
            Files.deleteIfExists(this.home.infraFile());
        }
        catch (IOException ex) {
            throw new StackException("cannot remove " + this.home.infraFile(), ex);
        }
    }

}
