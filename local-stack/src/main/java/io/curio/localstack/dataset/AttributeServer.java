package io.curio.localstack.dataset;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.curio.localstack.infra.InfrastructureException;

/**
 * Serves a dataset's books and readers as the attribute endpoints ingestion-service polls
 * ({@code GET /books} and {@code GET /users}, see docs/internal-apis.md), on 127.0.0.1 with two worker
 * threads. The collections do not change while served: their {@code Last-Modified} is the start time.
 */
public final class AttributeServer implements AutoCloseable {

    private static final int WORKER_THREADS = 2;

    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    private final HttpServer server;

    private final ExecutorService workers;

    private AttributeServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /**
     * Starts serving the dataset.
     * @param port the port on 127.0.0.1, or 0 for any free port
     * @throws InfrastructureException when the port cannot be bound
     */
    public static AttributeServer start(Dataset dataset, int port) {
        HttpServer server = bind(port);
        ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS, workerThreads());
        server.setExecutor(workers);
        server.createContext("/", new AttributeHandler(dataset, Instant.now()));
        server.start();
        return new AttributeServer(server, workers);
    }

    public URI booksUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/books");
    }

    public URI usersUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/users");
    }

    public int port() {
        return this.server.getAddress().getPort();
    }

    @Override
    public void close() {
        this.server.stop(0);
        this.workers.shutdownNow();
    }

    private static HttpServer bind(int port) {
        try {
            InetAddress loopback = InetAddress.getByAddress(LOOPBACK);
            return HttpServer.create(new InetSocketAddress(loopback, port), 32);
        }
        catch (IOException ex) {
            throw new InfrastructureException("attribute endpoints cannot listen on 127.0.0.1:" + port, ex);
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return (task) -> {
            Thread thread = new Thread(task, "attribute-server-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

}
