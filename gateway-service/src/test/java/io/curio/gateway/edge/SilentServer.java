package io.curio.gateway.edge;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A service on 127.0.0.1 that accepts connections and never answers, as a hung service would.
 */
final class SilentServer {

    private final ServerSocket socket;

    private final List<Socket> held = new CopyOnWriteArrayList<>();

    private SilentServer(ServerSocket socket) {
        this.socket = socket;
    }

    static SilentServer start() {
        try {
            SilentServer server = new SilentServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            Thread holder = new Thread(server::hold, "silent-server");
            holder.setDaemon(true);
            holder.start();
            return server;
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot start the silent server", ex);
        }
    }

    String url() {
        return "http://127.0.0.1:" + this.socket.getLocalPort();
    }

    void stop() throws IOException {
        this.socket.close();
        for (Socket connection : this.held) {
            connection.close();
        }
    }

    private void hold() {
        try {
            while (!this.socket.isClosed()) {
                this.held.add(this.socket.accept());
            }
        }
        catch (IOException ex) {
            // closed by stop()
        }
    }
}
