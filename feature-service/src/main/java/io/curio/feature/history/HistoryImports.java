package io.curio.feature.history;

import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.curio.events.EventCodec;
import io.curio.feature.interactions.Interaction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs history imports one after another on a single worker thread and remembers the most recent
 * ones, so their progress can be read while they run and after they end.
 */
@Component
class HistoryImports implements DisposableBean {

    private static final Logger logger = LoggerFactory.getLogger(HistoryImports.class);

    private static final int REMEMBERED = 100;

    private final HubEventObjects objects;

    private final InteractionCopy copy;

    private final EventCodec codec;

    private final ExecutorService worker = Executors.newSingleThreadExecutor((task) -> new Thread(task,
            "history-import"));

    private final Map<String, HistoryImport> imports = new LinkedHashMap<>() {

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, HistoryImport> eldest) {
            return size() > REMEMBERED;
        }

    };

    private final ImportMeters meters;

    HistoryImports(HubEventObjects objects, InteractionCopy copy, EventCodec codec, MeterRegistry registry) {
        this.objects = objects;
        this.copy = copy;
        this.codec = codec;
        this.meters = new ImportMeters(registry);
    }

    /** Queues an import of the event objects under a prefix. */
    HistoryImport start(String prefix) {
        HistoryImport started = new HistoryImport(UUID.randomUUID().toString(), prefix);
        synchronized (this.imports) {
            this.imports.put(started.id(), started);
        }
        this.worker.execute(() -> run(started));
        return started;
    }

    Optional<HistoryImport> find(String id) {
        synchronized (this.imports) {
            return Optional.ofNullable(this.imports.get(id));
        }
    }

    private void run(HistoryImport running) {
        try {
            importObjects(running);
            running.succeeded();
            this.meters.finished("succeeded");
        }
        catch (IOException | SQLException | RuntimeException ex) {
            logger.warn("History import {} of {} failed", running.id(), running.prefix(), ex);
            running.failed(ex.getClass().getSimpleName() + ": " + ex.getMessage());
            this.meters.finished("failed");
        }
    }

    private void importObjects(HistoryImport running) throws IOException, SQLException {
        var keys = this.objects.keysUnder(running.prefix());
        running.found(keys.size());
        for (String key : keys) {
            running.objectDone(importObject(running, key));
            this.meters.objectDone();
        }
    }

    private long importObject(HistoryImport running, String key) throws IOException, SQLException {
        long[] read = new long[1];
        long inserted = this.copy.load((sink) -> this.objects.forEachLine(key, (line) -> {
            Optional<Interaction> interaction = Interaction.of(this.codec.decode(line));
            if (interaction.isPresent()) {
                sink.accept(interaction.get());
                running.eventRead();
                read[0]++;
            }
            else {
                this.meters.skipped();
            }
        }));
        this.meters.loaded(read[0], inserted);
        return inserted;
    }

    @Override
    public void destroy() {
        this.worker.shutdownNow();
    }

    private static final class ImportMeters {

        private final MeterRegistry registry;

        private final Counter objects;

        private final Counter inserted;

        private final Counter duplicates;

        private final Counter skipped;

        ImportMeters(MeterRegistry registry) {
            this.registry = registry;
            this.objects = registry.counter("curio.feature.import.objects");
            this.inserted = events(registry, "inserted");
            this.duplicates = events(registry, "duplicate");
            this.skipped = events(registry, "skipped");
        }

        void objectDone() {
            this.objects.increment();
        }

        void skipped() {
            this.skipped.increment();
        }

        void loaded(long read, long insertedCount) {
            this.inserted.increment(insertedCount);
            this.duplicates.increment(read - insertedCount);
        }

        void finished(String state) {
            this.registry.counter("curio.feature.imports", "state", state).increment();
        }

        private static Counter events(MeterRegistry registry, String outcome) {
            return Counter.builder("curio.feature.import.events").tag("outcome", outcome).register(registry);
        }

    }

}
