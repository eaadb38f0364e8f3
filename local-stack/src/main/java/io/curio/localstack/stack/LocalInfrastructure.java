package io.curio.localstack.stack;

import java.util.ArrayDeque;
import java.util.Deque;

import io.curio.localstack.dataset.AttributeServer;
import io.curio.localstack.dataset.Dataset;
import io.curio.localstack.infra.InfraDescription;
import io.curio.localstack.infra.InfrastructureException;
import io.curio.localstack.infra.KinesisEmulator;
import io.curio.localstack.infra.LocalPostgres;
import io.curio.localstack.infra.LocalRedis;
import io.curio.localstack.infra.S3Server;

/**
 * Everything the services need, started in this process (or as its children) on loopback: PostgreSQL, Redis, the S3
 * server, the Kinesis emulator and the dataset's attribute endpoints. Closing it stops what it started, newest first.
 */
public final class LocalInfrastructure implements AutoCloseable {

    public static final String BUCKET = "curio";

    public static final String STREAM = "engagement-events";

    public static final String REGION = "us-east-1";

    public static final int SHARDS = 2;

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    private final InfraSettings settings;

    private LocalPostgres postgres;

    private LocalRedis redis;

    private S3Server s3;

    private KinesisEmulator kinesis;

    private AttributeServer attributes;

    private String datasetSummary;

    private LocalInfrastructure(InfraSettings settings) {
        this.settings = settings;
    }

    /** Starts every piece, or stops those already started and fails. */
    public static LocalInfrastructure start(InfraSettings settings) {
        LocalInfrastructure infrastructure = new LocalInfrastructure(settings);
        try {
            infrastructure.startAll();
            return infrastructure;
        }
        catch (RuntimeException ex) {
            infrastructure.close();
            throw ex;
        }
    }

    public InfraDescription describe() {
        String s3Endpoint = this.s3.endpoint().toString();
        return new InfraDescription(ProcessHandle.current().pid(),
                new InfraDescription.Postgres(this.postgres.port(), this.settings.database(), this.postgres.embedded()),
                new InfraDescription.Redis(this.redis.port(), this.redis.embedded()),
                new InfraDescription.S3(s3Endpoint, BUCKET, REGION, S3Server.ACCESS_KEY, S3Server.SECRET_KEY),
                new InfraDescription.Kinesis(this.kinesis.endpoint().toString(), STREAM, REGION, this.kinesis.pid()),
                new InfraDescription.Attributes(this.attributes.booksUrl().toString(),
                        this.attributes.usersUrl().toString()),
                this.settings.dataset().id(), this.datasetSummary);
    }

    /** Records the child processes, so that {@code down} can stop them even if this process dies abruptly. */
    public void recordChildren(PidFiles pids) {
        pids.write(Processes.KINESIS, this.kinesis.pid());
        this.postgres.postmasterPid().ifPresent((pid) -> pids.write(Processes.POSTGRES, pid));
        this.redis.serverPid().ifPresent((pid) -> pids.write(Processes.REDIS, pid));
    }

    @Override
    public void close() {
        InfrastructureException failure = null;
        while (!this.started.isEmpty()) {
            try {
                this.started.pop().close();
            }
            catch (Exception ex) {
                failure = (failure != null) ? failure : new InfrastructureException("infrastructure did not stop", ex);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void startAll() {
        StackHome home = this.settings.home();
        StackPorts ports = this.settings.ports();
        this.postgres = track(LocalPostgres.existingOrEmbedded(home.postgres(), ports.embeddedPostgres(),
                this.settings.database(), home.log(Processes.POSTGRES)));
        this.redis = track(LocalRedis.existingOrEmbedded(ports.embeddedRedis()));
        this.s3 = track(S3Server.start(home.s3(), ports.s3()));
        this.s3.createBucket(BUCKET);
        this.kinesis = track(KinesisEmulator.start(this.settings.tools(), home.kinesis(), ports.kinesis(),
                home.log(Processes.KINESIS)));
        this.kinesis.createStream(STREAM, SHARDS);
        Dataset dataset = this.settings.dataset().load();
        this.datasetSummary = String.valueOf(dataset.summary());
        this.attributes = track(AttributeServer.start(dataset, ports.attributes()));
    }

    private <T extends AutoCloseable> T track(T resource) {
        this.started.push(resource);
        return resource;
    }

}
