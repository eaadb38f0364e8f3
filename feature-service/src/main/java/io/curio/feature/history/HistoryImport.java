package io.curio.feature.history;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One import of interactions from data hub objects; its progress is written by the import worker
 * and read by any request thread.
 */
final class HistoryImport {

    private final String id;

    private final String prefix;

    private final AtomicInteger objectsDone = new AtomicInteger();

    private final AtomicLong events = new AtomicLong();

    private final AtomicLong inserted = new AtomicLong();

    private volatile int objectsTotal;

    private volatile String state = "running";

    private volatile String error;

    HistoryImport(String id, String prefix) {
        this.id = id;
        this.prefix = prefix;
    }

    String id() {
        return this.id;
    }

    String prefix() {
        return this.prefix;
    }

    void found(int objects) {
        this.objectsTotal = objects;
    }

    void eventRead() {
        this.events.incrementAndGet();
    }

    void objectDone(long insertedFromObject) {
        this.inserted.addAndGet(insertedFromObject);
        this.objectsDone.incrementAndGet();
    }

    void succeeded() {
        this.state = "succeeded";
    }

    void failed(String reason) {
        this.error = reason;
        this.state = "failed";
    }

    ImportStatus status() {
        return new ImportStatus(this.id, this.state, this.objectsDone.get(), this.objectsTotal, this.events.get(),
                this.inserted.get(), this.error);
    }

}
