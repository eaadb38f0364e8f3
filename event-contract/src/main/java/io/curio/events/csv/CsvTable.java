package io.curio.events.csv;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A CSV file with a header row, plain or gzip-compressed ({@code .gz}), read row by row with columns
 * looked up by header name. Every error names the file and the line.
 */
public final class CsvTable implements Closeable {

    private static final int BUFFER_BYTES = 256 * 1024;

    private final CsvReader reader;

    private final List<String> header;

    private List<String> row;

    private CsvTable(CsvReader reader) {
        this.reader = reader;
        this.header = reader.next();
        if (this.header == null) {
            throw new MalformedCsvException(reader.source() + ": the file is empty, expected a header row");
        }
    }

    public static CsvTable open(Path file) {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
            if (file.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(in, BUFFER_BYTES);
            }
            return new CsvTable(new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8), file.toString()));
        }
        catch (IOException ex) {
            throw new MalformedCsvException(file + ": cannot open: " + ex.getMessage(), ex);
        }
    }

    /** The index of the named column. */
    public int column(String name) {
        int index = this.header.indexOf(name);
        if (index < 0) {
            throw new MalformedCsvException(this.reader.source() + ", line 1: no column '" + name
                    + "' in the header " + String.join(",", this.header));
        }
        return index;
    }

    /** Moves to the next row; {@code false} at the end of the file. */
    public boolean next() {
        this.row = this.reader.next();
        return this.row != null;
    }

    /** The field of the current row, as written. */
    public String text(int column) {
        if (column >= this.row.size()) {
            throw this.reader.error("expected at least " + (column + 1) + " fields, found " + this.row.size());
        }
        return this.row.get(column);
    }

    /** The field of the current row, {@code null} when empty. */
    public String optionalText(int column) {
        String text = text(column).strip();
        return text.isEmpty() ? null : text;
    }

    /** An id: not blank, at most 128 characters. */
    public String id(int column) {
        String id = text(column).strip();
        if (id.isEmpty() || id.length() > 128) {
            throw this.reader.error(this.header.get(column) + " must be an id of 1..128 characters, not '" + id + "'");
        }
        return id;
    }

    public int integer(int column) {
        String text = text(column).strip();
        try {
            return Integer.parseInt(text);
        }
        catch (NumberFormatException ex) {
            throw badNumber(column, text);
        }
    }

    /** A whole number that may be written as a float ({@code 2008.0}); {@code null} when empty. */
    public Integer wholeNumber(int column) {
        String text = optionalText(column);
        if (text == null) {
            return null;
        }
        double value = decimal(column, text);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw badNumber(column, text);
        }
        return (int) value;
    }

    /** A decimal number; {@code null} when empty. */
    public Double optionalDecimal(int column) {
        String text = optionalText(column);
        return (text != null) ? decimal(column, text) : null;
    }

    public MalformedCsvException error(String problem) {
        return this.reader.error(problem);
    }

    @Override
    public void close() {
        this.reader.close();
    }

    private double decimal(int column, String text) {
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw badNumber(column, text);
            }
            return value;
        }
        catch (NumberFormatException ex) {
            throw badNumber(column, text);
        }
    }

    private MalformedCsvException badNumber(int column, String text) {
        return this.reader.error(this.header.get(column) + " is not a valid number: '" + text + "'");
    }

}
