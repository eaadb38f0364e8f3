package io.curio.feature.history;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import io.curio.events.DataHubKeys;
import io.curio.feature.AbstractFeatureServiceIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Imports the whole goodbooks-10k history (v1 ratings as {@code rate}, to-read marks as
 * {@code add_to_library}: 1,894,461 events in 40 objects) and checks every event arrived. How long it takes
 * is printed for reading, not asserted: wall time on a shared machine says little.
 */
class FullHistoryImportIT extends AbstractFeatureServiceIT {

    private static final Path DATA = Path.of("../../shared/data/goodbooks-10k");

    private static final int OBJECTS = 40;

    private static final int EVENTS = 981_756 + 912_705;

    private static final Instant IMPORTED_AT = Instant.parse("2026-12-04T09:00:00Z");

    private static final Instant FIRST_OCCURRED = Instant.parse("2017-09-01T00:00:00Z");

    @Test
    void importsEveryEventOfTheFullGoodbooksHistory() throws IOException {
        // given
        assumeThat(DATA.resolve("ratings-v1.csv.gz")).exists();
        writeHistoryObjects();

        // when
        long started = System.nanoTime();
        JsonNode status = finished(start("raw/events/dt=2026-12-04/hr=09/import-goodbooks-"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // then
        System.out.printf("Imported %s events from %s objects in %d ms (load average %.1f)%n",
                status.get("inserted"), status.get("objectsDone"), took.toMillis(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertThat(status.get("state").asString()).isEqualTo("succeeded");
        assertThat(status.get("objectsDone").asInt()).isEqualTo(OBJECTS);
        assertThat(status.get("events").asLong()).isEqualTo(EVENTS);
        assertThat(status.get("inserted").asLong()).isEqualTo(EVENTS);
    }

    private void writeHistoryObjects() throws IOException {
        int perObject = (EVENTS + OBJECTS - 1) / OBJECTS;
        try (HistoryWriter writer = new HistoryWriter(perObject)) {
            try (BufferedReader ratings = csv("ratings-v1.csv.gz")) {
                ratings.lines().forEach((line) -> writer.rating(line.split(",")));
            }
            try (BufferedReader toRead = csv("to_read-v1.csv.gz")) {
                toRead.lines().forEach((line) -> writer.toRead(line.split(",")));
            }
        }
    }

    private static BufferedReader csv(String file) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(DATA.resolve(file)), 1 << 16), StandardCharsets.UTF_8));
        reader.readLine();
        return reader;
    }

    private String start(String prefix) {
        return http().post()
            .uri("/internal/history/imports")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("prefix", prefix))
            .retrieve()
            .body(JsonNode.class)
            .get("id")
            .asString();
    }

    private JsonNode finished(String id) {
        return ImportJobs.awaitFinished(http(), id, Duration.ofMinutes(5));
    }

    /** Writes events as the bulk importer lays them out: gzip JSON lines, a fixed number per object. */
    private final class HistoryWriter implements AutoCloseable {

        private final int perObject;

        private ByteArrayOutputStream bytes;

        private Writer out;

        private int part;

        private int inPart;

        private long written;

        HistoryWriter(int perObject) {
            this.perObject = perObject;
        }

        void rating(String[] row) {
            write(row[1], row[0], "rate", row[2]);
        }

        void toRead(String[] row) {
            write(row[0], row[1], "add_to_library", "null");
        }

        private void write(String userId, String bookId, String type, String value) {
            try {
                if (this.out == null) {
                    open();
                }
                String eventId = UUID
                    .nameUUIDFromBytes(("goodbooks-" + this.written).getBytes(StandardCharsets.UTF_8))
                    .toString();
                Instant occurredAt = FIRST_OCCURRED.plusSeconds(this.written);
                this.out.write("{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"userId\":\"" + userId
                        + "\",\"bookId\":\"" + bookId + "\",\"occurredAt\":\"" + occurredAt
                        + "\",\"requestId\":null,\"value\":" + value + ",\"platform\":null,\"properties\":{}}\n");
                this.written++;
                if (++this.inPart == this.perObject) {
                    close();
                }
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        }

        private void open() throws IOException {
            this.bytes = new ByteArrayOutputStream(1 << 22);
            this.out = new OutputStreamWriter(new GZIPOutputStream(this.bytes, 1 << 16), StandardCharsets.UTF_8);
            this.inPart = 0;
        }

        @Override
        public void close() throws IOException {
            if (this.out == null) {
                return;
            }
            this.out.close();
            putObject(DataHubKeys.importedEvents(IMPORTED_AT, "goodbooks", this.part++), this.bytes.toByteArray());
            this.out = null;
        }

    }

}
