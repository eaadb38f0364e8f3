package io.curio.feature.history;

import java.time.Duration;

import tools.jackson.databind.JsonNode;

import org.springframework.web.client.RestClient;

/**
 * Waits for a history import job of the service under test to leave the {@code running} state.
 */
final class ImportJobs {

    private static final Duration POLL = Duration.ofMillis(100);

    private ImportJobs() {
    }

    /** The job's last status: finished, or still running when the patience ran out. */
    static JsonNode awaitFinished(RestClient http, String id, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        JsonNode status = status(http, id);
        while ("running".equals(status.get("state").asString()) && System.nanoTime() < deadline) {
            pause();
            status = status(http, id);
        }
        return status;
    }

    private static JsonNode status(RestClient http, String id) {
        return http.get().uri("/internal/history/imports/{id}", id).retrieve().body(JsonNode.class);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
