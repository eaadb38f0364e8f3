package io.curio.localstack.proof;

import java.time.Clock;
import java.util.List;

import io.curio.localstack.dataset.Dataset;
import io.curio.localstack.dataset.HubImport;
import io.curio.localstack.dataset.ImportSummary;
import io.curio.localstack.stack.DatasetChoice;
import io.curio.localstack.stack.Progress;
import io.curio.localstack.stack.RunningStack;
import io.curio.localstack.stack.StackException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Times the two halves of {@code up}'s history stage without changing the stack's data: the dataset written to
 * the hub as {@code up} writes it, into a scratch bucket deleted afterwards; and feature-service importing the
 * stack's own imported history again, where every id is already known, so it reads, decodes and loads every
 * object but inserts no row.
 */
final class BulkImportRun {

    private final RunningStack stack;

    private final S3Client s3;

    private final Clock clock;

    /**
     * @param dataset the folder imported
     * @param events events written to the hub
     * @param loadSeconds reading the dataset's files
     * @param hubSeconds writing its history to the hub
     * @param hubEventsPerSecond events over hub seconds
     * @param featureEvents events of the stack's own import that feature-service read again
     * @param featureSeconds feature-service's import of them (no new rows)
     * @param featureEventsPerSecond feature events over feature seconds
     * @param totalSeconds load, hub and feature seconds together: an estimate of {@code up}'s history stage
     */
    record Result(String dataset, long events, double loadSeconds, double hubSeconds, double hubEventsPerSecond,
            long featureEvents, double featureSeconds, double featureEventsPerSecond, double totalSeconds) {
    }

    BulkImportRun(RunningStack stack, S3Client s3, Clock clock) {
        this.stack = stack;
        this.s3 = s3;
        this.clock = clock;
    }

    Result measure(DatasetChoice choice, String scratchBucket, Progress progress) {
        long loading = System.nanoTime();
        Dataset dataset = choice.load();
        double load = StreamToHubRun.seconds(System.nanoTime() - loading);
        progress.step("read " + choice.id() + " in " + StreamToHubRun.round(load) + " s");
        ImportSummary hub = writeScratch(dataset, scratchBucket, progress);
        double hubSeconds = hub.took().toMillis() / 1000.0;
        String prefix = importedPrefix();
        long importing = System.nanoTime();
        long featureEvents = this.stack.importHistory(prefix, progress);
        double feature = StreamToHubRun.seconds(System.nanoTime() - importing);
        return new Result(choice.id(), hub.events(), StreamToHubRun.round(load), StreamToHubRun.round(hubSeconds),
                Math.round(hub.events() / hubSeconds), featureEvents, StreamToHubRun.round(feature),
                Math.round(featureEvents / feature), StreamToHubRun.round(load + hubSeconds + feature));
    }

    private ImportSummary writeScratch(Dataset dataset, String bucket, Progress progress) {
        this.s3.createBucket((request) -> request.bucket(bucket));
        try {
            ImportSummary summary = HubImport.write(dataset, this.s3, bucket, this.clock.instant(), progress::step);
            progress.step(summary.events() + " events in " + summary.objects() + " objects written to scratch bucket "
                    + bucket + " in " + summary.took().toMillis() / 1000.0 + " s");
            return summary;
        }
        finally {
            deleteBucket(bucket);
        }
    }

    private void deleteBucket(String bucket) {
        for (S3Object object : this.s3.listObjectsV2Paginator((request) -> request.bucket(bucket)).contents()) {
            this.s3.deleteObject((request) -> request.bucket(bucket).key(object.key()));
        }
        this.s3.deleteBucket((request) -> request.bucket(bucket));
    }

    /** The common prefix of the stack's imported history objects. */
    private String importedPrefix() {
        List<String> keys = this.s3.listObjectsV2Paginator((request) -> request.bucket(this.stack.infra().s3()
            .bucket()).prefix(HubTally.RAW_EVENTS)).contents().stream()
            .map(S3Object::key)
            .filter((key) -> key.substring(key.lastIndexOf('/') + 1).startsWith("import-"))
            .toList();
        if (keys.isEmpty()) {
            throw new StackException("the stack's hub holds no imported history to import again");
        }
        String prefix = keys.get(0);
        for (String key : keys) {
            while (!key.startsWith(prefix)) {
                prefix = prefix.substring(0, prefix.length() - 1);
            }
        }
        return prefix;
    }

}
