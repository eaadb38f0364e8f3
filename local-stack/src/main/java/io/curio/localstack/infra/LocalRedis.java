package io.curio.localstack.infra;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

import redis.embedded.RedisServer;

/**
 * The stack's Redis: the server on 127.0.0.1:6379 when it answers {@code PING}, otherwise an embedded one that keeps
 * nothing on disk.
 */
public final class LocalRedis implements AutoCloseable {

    public static final int DEFAULT_PORT = 6379;

    private final RedisServer embedded;

    private final int port;

    private LocalRedis(RedisServer embedded, int port) {
        this.embedded = embedded;
        this.port = port;
    }

    /**
     * Uses the running server or starts an embedded one.
     * @param embeddedPort the embedded server's port
     */
    public static LocalRedis existingOrEmbedded(int embeddedPort) {
        return existingOrEmbedded(DEFAULT_PORT, embeddedPort);
    }

    /** As {@link #existingOrEmbedded(int)}, looking for a running server on another port. */
    static LocalRedis existingOrEmbedded(int existingPort, int embeddedPort) {
        if (answersPing(existingPort)) {
            return new LocalRedis(null, existingPort);
        }
        try {
            RedisServer server = RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(embeddedPort)
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
            server.start();
            return new LocalRedis(server, embeddedPort);
        }
        catch (IOException ex) {
            throw new InfrastructureException("embedded Redis did not start on port " + embeddedPort, ex);
        }
    }

    /** Whether a Redis server on 127.0.0.1 at the port answers {@code PING} with {@code PONG}. */
    public static boolean answersPing(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            socket.setSoTimeout(1000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new byte[7];
            InputStream in = socket.getInputStream();
            int read = in.readNBytes(reply, 0, 5);
            return read == 5 && new String(reply, 0, 5, StandardCharsets.US_ASCII).equals("+PONG");
        }
        catch (IOException ex) {
            return false;
        }
    }

    public int port() {
        return this.port;
    }

    public boolean embedded() {
        return this.embedded != null;
    }

    /** The embedded server's process, a child of this one. */
    public OptionalLong serverPid() {
        if (this.embedded == null) {
            return OptionalLong.empty();
        }
        return ProcessHandle.current()
            .children()
            .filter((child) -> child.info().commandLine().orElse("").contains("redis-server"))
            .mapToLong(ProcessHandle::pid)
            .findFirst();
    }

    @Override
    public void close() {
        if (this.embedded == null) {
            return;
        }
        try {
            this.embedded.stop();
        }
        catch (IOException ex) {
            throw new InfrastructureException("embedded Redis did not stop cleanly", ex);
        }
    }

}
