package io.curio.localstack.dataset;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The held-back future as a tab-separated file with a header line: {@code userId plan bookId type stars}, where
 * {@code type} is {@code rate} or {@code add_to_library} and {@code stars} is empty for the latter.
 */
public final class HeldBackFile {

    static final String HEADER = "userId\tplan\tbookId\ttype\tstars";

    private HeldBackFile() {
    }

    /** Writes the file whole, through a temporary file, so a reader never sees half of it. */
    public static void write(Path file, List<HeldBack> future) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                out.write(HEADER);
                out.newLine();
                for (HeldBack held : future) {
                    out.write(line(held));
                    out.newLine();
                }
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot write the held-back future to " + file, ex);
        }
    }

    /**
     * Reads a file {@link #write} wrote.
     * @throws InvalidDatasetException when a line is not five tab-separated fields of a valid interaction
     */
    public static List<HeldBack> read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (!HEADER.equals(header)) {
                throw new InvalidDatasetException(file + " does not start with the line '" + HEADER + "'");
            }
            List<HeldBack> future = new ArrayList<>();
            int number = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                future.add(parse(line, file, number));
            }
            return future;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read the held-back future in " + file, ex);
        }
    }

    private static String line(HeldBack held) {
        Interaction interaction = held.interaction();
        String stars = (interaction.value() != null) ? interaction.value().toString() : "";
        return String.join("\t", held.userId(), held.plan(), interaction.bookId(), interaction.type(), stars);
    }

    private static HeldBack parse(String line, Path file, int number) {
        String[] fields = line.split("\t", -1);
        try {
            if (fields.length != 5) {
                throw new IllegalArgumentException("5 fields expected, found " + fields.length);
            }
            Integer stars = fields[4].isEmpty() ? null : Integer.valueOf(fields[4]);
            Interaction interaction = new Interaction(fields[0], fields[2], fields[3], stars);
            return new HeldBack(fields[0], new Reader(fields[0], fields[1], null).plan(), interaction);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidDatasetException(file + " line " + number + ": " + ex.getMessage());
        }
    }

}
