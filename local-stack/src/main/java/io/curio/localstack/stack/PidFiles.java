package io.curio.localstack.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One file per process, {@code <name>.pid}, holding its pid. A recorded pid counts as running only while a live
 * process with that pid has the expected marker on its command line, so a reused pid is never taken for ours.
 */
public final class PidFiles {

    private final Path folder;

    public PidFiles(Path folder) {
        this.folder = folder;
    }

    public Path file(String name) {
        return this.folder.resolve(name + ".pid");
    }

    public void write(String name, long pid) {
        try {
            Files.createDirectories(this.folder);
            Files.writeString(file(name), pid + "\n");
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + file(name), ex);
        }
    }

    /** The recorded pid, if the file exists and holds one. */
    public OptionalLong read(String name) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(file(name)).trim()));
        }
        catch (NoSuchFileException ex) {
            return OptionalLong.empty();
        }
        catch (IOException | NumberFormatException ex) {
            return OptionalLong.empty();
        }
    }

    /** The live process recorded under the name whose command line contains the marker. */
    public Optional<ProcessHandle> running(String name, String marker) {
        OptionalLong pid = read(name);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid.getAsLong())
            .filter(ProcessHandle::isAlive)
            .filter((process) -> commandLine(process).contains(marker));
    }

    public void remove(String name) {
        try {
            Files.deleteIfExists(file(name));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot remove " + file(name), ex);
        }
    }

    /**
     * The full command line: read from {@code /proc} where it exists, because {@link ProcessHandle.Info} cuts
     * long command lines (a class path) short.
     */
    static String commandLine(ProcessHandle process) {
        Path cmdline = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
        try {
            return new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ').trim();
        }
        catch (IOException ex) {
            return process.info().commandLine().orElse("");
        }
    }

}
