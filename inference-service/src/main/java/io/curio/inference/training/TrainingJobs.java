package io.curio.inference.training;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.curio.inference.model.Algorithm;
import io.curio.inference.model.ModelRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * Runs training jobs one at a time on a single worker thread, and keeps the status of recent jobs. The
 * same thread loads the registry's newest models at startup, so loading never races a training.
 */
public class TrainingJobs implements DisposableBean {

    private static final Logger logger = LoggerFactory.getLogger(TrainingJobs.class);

    private static final int MAX_QUEUED = 8;

    private final ModelTraining training;

    private final ModelRegistry registry;

    private final int jobsKept;

    private final Map<String, TrainingJob> jobs = new LinkedHashMap<>();

    private volatile boolean registryLoaded;

    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(MAX_QUEUED), (runnable) -> new Thread(runnable, "model-training"));

    public TrainingJobs(ModelTraining training, ModelRegistry registry, int jobsKept) {
        this.training = training;
        this.registry = registry;
        this.jobsKept = jobsKept;
    }

    /** Queues loading the newest model of each algorithm from the registry. */
    public void loadNewestModels() {
        this.worker.execute(() -> {
            try {
                this.registry.loadNewest();
            }
            finally {
                this.registryLoaded = true;
            }
        });
    }

    /** Whether the startup load of the registry has finished, whatever it found. */
    public boolean isRegistryLoaded() {
        return this.registryLoaded;
    }

    /**
     * Queues a training.
     *
     * @throws TrainingQueueFullException when too many trainings are already waiting
     */
    public TrainingStatus start(Algorithm algorithm, TrainingOptions options) {
        TrainingJob job = new TrainingJob(UUID.randomUUID().toString(), algorithm, options.offered());
        try {
            this.worker.execute(() -> run(job));
        }
        catch (RejectedExecutionException ex) {
            throw new TrainingQueueFullException(MAX_QUEUED);
        }
        remember(job);
        return job.status();
    }

    public Optional<TrainingStatus> status(String id) {
        synchronized (this.jobs) {
            return Optional.ofNullable(this.jobs.get(id)).map(TrainingJob::status);
        }
    }

    private void run(TrainingJob job) {
        try {
            this.training.run(job);
            job.succeeded();
        }
        catch (RuntimeException ex) {
            logger.warn("Training {} {} failed", job.algorithm().modelName(), job.id(), ex);
            job.failed(describe(ex));
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
    }

    private void remember(TrainingJob job) {
        synchronized (this.jobs) {
            this.jobs.put(job.id(), job);
            Iterator<TrainingJob> oldest = this.jobs.values().iterator();
            while (this.jobs.size() > this.jobsKept && oldest.hasNext()) {
                if (oldest.next().isFinished()) {
                    oldest.remove();
                }
            }
        }
    }

    @Override
    public void destroy() {
        this.worker.shutdownNow();
    }

}
