package io.curio.localstack.infra;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * An S3-compatible server in this process (s3proxy), on loopback, with AWS signature checks, storing
 * objects in a folder (or in memory for tests). Services reach it with the ordinary AWS SDK client.
 */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "curio";

    public static final String SECRET_KEY = "curio-local-secret";

    private final S3Proxy proxy;

    private final BlobStore store;

    private S3Server(S3Proxy proxy, BlobStore store) {
        this.proxy = proxy;
        this.store = store;
    }

    /**
     * Starts a server.
     * @param dataDir where objects live, or {@code null} to keep them in memory
     * @param port the port to listen on, or 0 for any free port
     */
    public static S3Server start(Path dataDir, int port) {
        BlobStore store = (dataDir != null) ? filesystem(dataDir) : new TransientNio2BlobStore();
        S3Proxy proxy = S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .jettyMaxThreads(24)
            .build();
        try {
            proxy.start();
            awaitStarted(proxy);
        }
        catch (Exception ex) {
            throw new InfrastructureException("S3 server did not start on port " + port, ex);
        }
        return new S3Server(proxy, store);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + this.proxy.getPort());
    }

    public int port() {
        return this.proxy.getPort();
    }

    /** Creates the bucket unless it exists. */
    public void createBucket(String bucket) {
        if (!this.store.containerExists(bucket)) {
            this.store.createContainer(bucket);
        }
    }

    @Override
    public void close() {
        try {
            this.proxy.stop();
        }
        catch (Exception ex) {
            throw new InfrastructureException("S3 server did not stop cleanly", ex);
        }
    }

    private static BlobStore filesystem(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        }
        catch (IOException ex) {
            throw new InfrastructureException("cannot create S3 data folder " + dataDir, ex);
        }
        return new FilesystemNio2BlobStore(dataDir.toAbsolutePath().toString());
    }

    private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
        for (int i = 0; i < 200 && !"STARTED".equals(proxy.getState()); i++) {
            Thread.sleep(25);
        }
        if (!"STARTED".equals(proxy.getState())) {
            throw new IllegalStateException("state " + proxy.getState());
        }
    }

}
