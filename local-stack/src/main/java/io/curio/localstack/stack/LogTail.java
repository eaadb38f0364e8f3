package io.curio.localstack.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The last lines of a log, indented, for error messages.
 */
final class LogTail {

    private LogTail() {
    }

    static String of(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return all.subList(Math.max(0, all.size() - lines), all.size())
                .stream()
                .map((line) -> "    | " + line)
                .collect(Collectors.joining("\n"));
        }
        catch (IOException | RuntimeException ex) {
            return "    (no log at " + log + ")";
        }
    }

}
