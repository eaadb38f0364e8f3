package io.curio.events.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 comma-separated records: fields may be quoted, quoted fields may hold commas, line
 * breaks and doubled quotes; records end with LF or CRLF. A byte order mark at the start is skipped and
 * empty lines are ignored. Errors name the source and the line the record started on.
 */
public final class CsvReader implements Closeable {

    private static final char QUOTE = '"';

    private static final char COMMA = ',';

    private static final int END = -1;

    private final Reader in;

    private final String source;

    private static final int DEFAULT_BUFFER_CHARS = 64 * 1024;

    private final char[] buffer;

    private final StringBuilder field = new StringBuilder(64);

    private int position;

    private int limit;

    private int line = 1;

    private int recordLine;

    public CsvReader(Reader in, String source) {
        this(in, source, DEFAULT_BUFFER_CHARS);
    }

    public CsvReader(Reader in, String source, int bufferChars) {
        this.in = in;
        this.source = source;
        this.buffer = new char[bufferChars];
        skipByteOrderMark();
    }

    /** The next record's fields, or {@code null} at the end of the input. */
    public List<String> next() {
        int c = skipEmptyLines();
        if (c == END) {
            return null;
        }
        this.recordLine = this.line;
        List<String> fields = new ArrayList<>();
        while (true) {
            c = (c == QUOTE) ? readQuoted(fields) : readPlain(c, fields);
            if (c != COMMA) {
                return fields;
            }
            c = read();
        }
    }

    /** The line (1-based) on which the record last returned by {@link #next()} started. */
    public int recordLine() {
        return this.recordLine;
    }

    public String source() {
        return this.source;
    }

    /** A failure naming the source and the line of the current record. */
    public MalformedCsvException error(String problem) {
        return new MalformedCsvException(this.source + ", line " + this.recordLine + ": " + problem);
    }

    @Override
    public void close() {
        try {
            this.in.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot close " + this.source, ex);
        }
    }

    /** Reads an unquoted field starting with {@code c}; returns the character that ended it. */
    private int readPlain(int c, List<String> fields) {
        if (c == END || c == COMMA || c == '\n') {
            fields.add("");
            return c;
        }
        int end = plainFieldEnd();
        if (end >= 0) {
            fields.add(new String(this.buffer, this.position - 1, end - this.position + 1));
            this.position = end + 1;
            return delimiter(this.buffer[end]);
        }
        return readPlainAcrossBuffers(c, fields);
    }

    /**
     * Where the unquoted field starting at the character just read ends, when that end is a comma or LF
     * inside the buffer; -1 otherwise (a CR, or the buffer ends first).
     */
    private int plainFieldEnd() {
        for (int i = this.position - 1; i < this.limit; i++) {
            char c = this.buffer[i];
            if (c == COMMA || c == '\n') {
                return i;
            }
            if (c == '\r') {
                return -1;
            }
        }
        return -1;
    }

    private int delimiter(char c) {
        if (c == '\n') {
            this.line++;
        }
        return c;
    }

    private int readPlainAcrossBuffers(int c, List<String> fields) {
        this.field.setLength(0);
        while (c != COMMA && c != '\n' && c != END) {
            if (c == '\r' && peek() == '\n') {
                c = read();
                break;
            }
            this.field.append((char) c);
            c = read();
        }
        fields.add(this.field.toString());
        return c;
    }

    /** Reads a quoted field whose opening quote was just read; returns the character after it. */
    private int readQuoted(List<String> fields) {
        this.field.setLength(0);
        while (true) {
            int c = read();
            if (c == END) {
                throw error("a quoted field is not closed before the end of the file");
            }
            if (c == QUOTE) {
                if (peek() != QUOTE) {
                    fields.add(this.field.toString());
                    return afterClosingQuote();
                }
                read();
            }
            this.field.append((char) c);
        }
    }

    private int afterClosingQuote() {
        int c = read();
        if (c == '\r' && peek() == '\n') {
            c = read();
        }
        if (c != COMMA && c != '\n' && c != END) {
            throw error("unexpected '" + (char) c + "' after the closing quote of a field");
        }
        return c;
    }

    private int skipEmptyLines() {
        int c = read();
        while (true) {
            if (c == '\r' && peek() == '\n') {
                read();
                c = read();
            }
            else if (c == '\n') {
                c = read();
            }
            else {
                return c;
            }
        }
    }

    private void skipByteOrderMark() {
        if (peek() == '\uFEFF') {
            this.position++;
        }
    }

    private int read() {
        if (this.position == this.limit && !fill()) {
            return END;
        }
        char c = this.buffer[this.position++];
        if (c == '\n') {
            this.line++;
        }
        return c;
    }

    private int peek() {
        if (this.position == this.limit && !fill()) {
            return END;
        }
        return this.buffer[this.position];
    }

    private boolean fill() {
        try {
            int read = this.in.read(this.buffer, 0, this.buffer.length);
            this.position = 0;
            this.limit = Math.max(read, 0);
            return read > 0;
        }
        catch (IOException ex) {
            throw new MalformedCsvException(this.source + ", near line " + this.line + ": cannot read", ex);
        }
    }

}
