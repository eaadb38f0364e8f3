package io.curio.gateway.operations;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of the test's own on a free loopback port, without persistence, that can be stopped and started
 * again on the same port while a gateway uses it.
 */
final class RedisServerProcess {

    private final int port;

    private Process process;

    private RedisServerProcess(int port) {
        this.port = port;
    }

    static RedisServerProcess onFreePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new RedisServerProcess(socket.getLocalPort());
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot find a free port", ex);
        }
    }

    int port() {
        return port;
    }

    void start() {
        try {
            process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot start redis-server", ex);
        }
        awaitListening();
    }

    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            }
            catch (IOException notYet) {
                pause();
            }
        }
        throw new IllegalStateException("redis-server did not listen on " + port + " within 30 s");
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
