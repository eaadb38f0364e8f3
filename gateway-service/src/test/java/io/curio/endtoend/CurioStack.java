package io.curio.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives the {@code curio} command exactly as a developer would, against a stack of its own: its own
 * state folder, ports shifted by an offset and its own database, so it can run beside a developer's
 * stack on the same machine.
 */
final class CurioStack {

    static final int PORT_OFFSET = 300;

    static final String DATABASE = "curio_e2e";

    private final Path root;

    private final Path home;

    CurioStack(Path root, Path home) {
        this.root = root;
        this.home = home;
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the Curio checkout");
        }
        return dir;
    }

    Path root() {
        return this.root;
    }

    Path home() {
        return this.home;
    }

    int port(int basePort) {
        return basePort + PORT_OFFSET;
    }

    void up(Path dataset) {
        run(List.of("up", "--dataset", dataset.toString(), "--home", this.home.toString(), "--port-offset",
                String.valueOf(PORT_OFFSET), "--database", DATABASE), 15);
    }

    void down() {
        run(List.of("down", "--wipe", "--home", this.home.toString()), 3);
    }

    String token(String user, String plan, String scope) {
        String[] lines = run(List.of("token", user, "--plan", plan, "--scope", scope), 1).strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    /**
     * Runs {@code curio fault-test} on this stack; answers its exit code and output, whatever the exit code.
     */
    Run faultTest(int events, int rate, Path report) {
        return execute(List.of("fault-test", "--events", String.valueOf(events), "--rate", String.valueOf(rate),
                "--home", this.home.toString(), "--report", report.toString()), 10);
    }

    /** Runs {@code curio simulate} on this stack for a minute; answers its exit code and output. */
    Run simulate(int users, int rate) {
        return execute(List.of("simulate", "--users", String.valueOf(users), "--rate", String.valueOf(rate),
                "--minutes", "1", "--home", this.home.toString()), 4);
    }

    /**
     * A finished {@code curio} command.
     * @param exitCode its exit code
     * @param output what it printed, standard error included
     */
    record Run(int exitCode, String output) {
    }

    private String run(List<String> arguments, int timeoutMinutes) {
        Run run = execute(arguments, timeoutMinutes);
        if (run.exitCode() != 0) {
            throw new IllegalStateException("curio " + arguments.get(0) + " failed:\n" + run.output());
        }
        return run.output();
    }

    private Run execute(List<String> arguments, int timeoutMinutes) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-Daws.cborEnabled=false", "-jar",
                this.root.resolve("local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar").toString()));
        command.addAll(arguments);
        try {
            // Beside the home, not in it: down --wipe deletes the home while it runs.
            Path logs = Files.createDirectories(this.home.resolveSibling(this.home.getFileName() + "-commands"));
            Path output = Files.createTempFile(logs, "curio-" + arguments.get(0) + "-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(this.root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
            builder.environment().put("CURIO_ROOT", this.root.toString());
            Process process = builder.start();
            boolean finished = process.waitFor(timeoutMinutes, TimeUnit.MINUTES);
            String printed = Files.readString(output);
            if (!finished) {
                process.destroyForcibly();
                throw new IllegalStateException("curio " + arguments.get(0) + " timed out:\n" + printed);
            }
            return new Run(process.exitValue(), printed);
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot run curio " + arguments, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running curio " + arguments, ex);
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

}
