package io.curio.inference.algebra;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A fixed number of threads that run numbered pieces of work. Pieces are handed out one at a time, so uneven
 * pieces (rows of a triangle, readers with long histories) still keep every thread busy. With one thread the
 * work runs on the caller.
 */
public final class ComputePool implements AutoCloseable {

    /** The training threads of the 2-core machines Curio is sized for. */
    public static final int DEFAULT_THREADS = 2;

    private static final AtomicInteger THREADS_STARTED = new AtomicInteger();

    private final int threads;

    private final ExecutorService executor;

    public ComputePool() {
        this(DEFAULT_THREADS);
    }

    public ComputePool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, not " + threads);
        }
        this.threads = threads;
        this.executor = (threads == 1) ? null : Executors.newFixedThreadPool(threads, ComputePool::daemon);
    }

    public int threads() {
        return this.threads;
    }

    /**
     * Runs {@code piece.accept(p)} for every p in [0, pieces) and returns when all have finished. The first
     * failure of a piece is rethrown.
     */
    public void forEach(int pieces, IntConsumer piece) {
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int p = next.getAndIncrement(); p < pieces; p = next.getAndIncrement()) {
                piece.accept(p);
            }
        };
        if (this.executor == null || pieces == 1) {
            worker.run();
            return;
        }
        List<Future<?>> running = new ArrayList<>(this.threads);
        for (int t = 0; t < Math.min(this.threads, pieces); t++) {
            running.add(this.executor.submit(worker));
        }
        running.forEach(ComputePool::await);
    }

    @Override
    public void close() {
        if (this.executor != null) {
            this.executor.shutdownNow();
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a computation", ex);
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("computation failed", ex.getCause());
        }
    }

    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "curio-compute-" + THREADS_STARTED.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

}
