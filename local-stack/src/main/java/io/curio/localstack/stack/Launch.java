package io.curio.localstack.stack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts detached processes: their output appended to a log, their input empty, in a session of their own where
 * {@code setsid} exists so that closing the terminal does not stop them.
 */
public final class Launch {

    static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private Launch() {
    }

    /** The java binary running this process. */
    public static String java() {
        return ProcessHandle.current().info().command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * The command that runs {@code io.curio.localstack.Curio} with these arguments in a new JVM: through the Boot
     * launcher from a copy of the executable jar when this runs from it, directly on this class path otherwise
     * (tests).
     */
    static List<String> curio(List<String> jvmOptions, List<String> args, JarCopies copies) {
        String classPath = System.getProperty("java.class.path");
        boolean bootJar = !classPath.contains(File.pathSeparator) && classPath.endsWith("-exec.jar");
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", bootJar ? copies.stable(Path.of(classPath)).toString() : classPath));
        command.add(bootJar ? BOOT_LAUNCHER : "io.curio.localstack.Curio");
        command.addAll(args);
        return command;
    }

    /** Starts the command detached, with its output appended to the log, and returns its process. */
    public static Process detached(List<String> command, Path log, Path directory, Map<String, String> environment) {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(full).directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            return builder.start();
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot start " + command.get(0) + ": " + ex.getMessage(), ex);
        }
    }

}
