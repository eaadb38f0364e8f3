package io.curio.events.csv;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTests {

    @Test
    void readsPlainFields() {
        List<List<String>> records = read("a,b,c\n1,2,3\n");

        assertThat(records).containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"));
    }

    @Test
    void keepsCommasAndLineBreaksInsideQuotes() {
        List<List<String>> records = read("1,\"Collins, Suzanne\",\"line one\nline two\"\n");

        assertThat(records).containsExactly(List.of("1", "Collins, Suzanne", "line one\nline two"));
    }

    @Test
    void unescapesDoubledQuotes() {
        List<List<String>> records = read("\"She said \"\"hi\"\"\",\"\"\"\"\n");

        assertThat(records).containsExactly(List.of("She said \"hi\"", "\""));
    }

    @Test
    void keepsNonAsciiText() {
        List<List<String>> records = read("Gabriel García Márquez,\"Харуки, 村上春樹\",Zoë 🦉\n");

        assertThat(records).containsExactly(List.of("Gabriel García Márquez", "Харуки, 村上春樹", "Zoë 🦉"));
    }

    @Test
    void keepsEmptyFieldsIncludingTheLast() {
        List<List<String>> records = read(",x,,\n\"\",\n");

        assertThat(records).containsExactly(List.of("", "x", "", ""), List.of("", ""));
    }

    @Test
    void acceptsCrLfAndAMissingFinalLineBreak() {
        List<List<String>> records = read("a,\"b\"\r\nc,d");

        assertThat(records).containsExactly(List.of("a", "b"), List.of("c", "d"));
    }

    @Test
    void skipsByteOrderMarkAndEmptyLines() {
        List<List<String>> records = read("\uFEFFid,name\n\n\r\n7,x\n\n");

        assertThat(records).containsExactly(List.of("id", "name"), List.of("7", "x"));
    }

    @Test
    void reportsTheLineARecordStartsOn() {
        CsvReader reader = new CsvReader(new StringReader("a,\n\"two\nlines\"\n\nc\n,d\n"), "t.csv");

        List<Integer> lines = new ArrayList<>();
        while (reader.next() != null) {
            lines.add(reader.recordLine());
        }

        assertThat(lines).containsExactly(1, 2, 5, 6);
    }

    @Test
    void readsFieldsThatCrossBufferBoundaries() {
        String text = "id,title\r\n1,\"Harry Potter, #1\"\n22,Dune\n333,\"a \"\"b\"\" c\"\n4444,x\r\n";
        List<List<String>> expected = read(text);

        for (int bufferChars = 1; bufferChars < 12; bufferChars++) {
            assertThat(read(text, bufferChars)).as("buffer of %d", bufferChars).isEqualTo(expected);
        }
        assertThat(expected).containsExactly(List.of("id", "title"), List.of("1", "Harry Potter, #1"),
                List.of("22", "Dune"), List.of("333", "a \"b\" c"), List.of("4444", "x"));
    }

    @Test
    void rejectsUnclosedQuoteNamingFileAndLine() {
        assertThatThrownBy(() -> read("a,b\nc,\"open\nstill open"))
            .isInstanceOf(MalformedCsvException.class)
            .hasMessage("t.csv, line 2: a quoted field is not closed before the end of the file");
    }

    @Test
    void rejectsTextAfterClosingQuote() {
        assertThatThrownBy(() -> read("\"a\"b,c\n"))
            .isInstanceOf(MalformedCsvException.class)
            .hasMessageContaining("t.csv, line 1")
            .hasMessageContaining("after the closing quote");
    }

    private static List<List<String>> read(String text) {
        return read(text, 64 * 1024);
    }

    private static List<List<String>> read(String text, int bufferChars) {
        List<List<String>> records = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new StringReader(text), "t.csv", bufferChars)) {
            for (List<String> record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
        }
        return records;
    }

}
