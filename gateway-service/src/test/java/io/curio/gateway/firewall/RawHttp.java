package io.curio.gateway.firewall;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends one HTTP/1.1 request with its request target exactly as written (no client normalises or refuses it) and
 * reads the answer until the server closes the connection, within a time bound.
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;

    private RawHttp() {
    }

    /** An answer: its status, its {@code Content-Type} (empty when absent) and everything after the headers. */
    record Answer(int status, String contentType, String body) {
    }

    static Answer send(int port, String method, String target, String token) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(request(port, method, target, token).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(readAll(socket.getInputStream()));
        }
    }

    private static String request(int port, String method, String target, String token) {
        return method + " " + target + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: 2\r\n"
                + "Connection: close\r\n\r\n[]";
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    private static Answer parse(String raw) {
        int headersEnd = raw.indexOf("\r\n\r\n");
        String head = headersEnd < 0 ? raw : raw.substring(0, headersEnd);
        String[] lines = head.split("\r\n");
        if (lines.length == 0 || lines[0].split(" ").length < 2) {
            throw new IllegalStateException("no HTTP answer, got '" + raw + "'");
        }
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = "";
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).strip();
            }
        }
        return new Answer(status, contentType, headersEnd < 0 ? "" : raw.substring(headersEnd + 4));
    }
}
