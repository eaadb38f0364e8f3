package io.curio.localstack.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The state folder of one stack: logs, pid files, the data of S3, Kinesis and PostgreSQL, and the JSON files that
 * describe what runs.
 *
 * @param root the folder, {@code $CURIO_ROOT/.curio} by default
 */
public record StackHome(Path root) {

    public StackHome {
        root = root.toAbsolutePath().normalize();
    }

    public Path logs() {
        return this.root.resolve("logs");
    }

    public Path log(String process) {
        return logs().resolve(process + ".log");
    }

    public PidFiles pids() {
        return new PidFiles(this.root.resolve("pids"));
    }

    public Path s3() {
        return this.root.resolve("s3");
    }

    public Path kinesis() {
        return this.root.resolve("kinesis");
    }

    public Path postgres() {
        return this.root.resolve("pg");
    }

    public Path tools() {
        return this.root.resolve("tools");
    }

    /** What {@code up} recorded: ports, database, dataset, imports done. */
    public Path stateFile() {
        return this.root.resolve("state.json");
    }

    /** What the infrastructure process wrote once everything it runs answered. */
    public Path infraFile() {
        return this.root.resolve("infra.json");
    }

    /** Where {@code up} keeps the simulation readers' held-back future and {@code simulate} writes its results. */
    public Path simulation() {
        return this.root.resolve("simulation");
    }

    /** The held-back future of the simulation readers, written by {@code up} when it imports a dataset. */
    public Path heldBackFuture() {
        return simulation().resolve("future.tsv");
    }

    public StackHome create() {
        try {
            Files.createDirectories(logs());
            Files.createDirectories(this.root.resolve("pids"));
            return this;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot create the state folder " + this.root, ex);
        }
    }

}
