package io.curio.inference;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stand-ins for feature-service and abtest-service on loopback, answering the internal endpoints
 * inference-service calls with fixed documents.
 */
final class FeatureAndAbtestStubs implements AutoCloseable {

    static final String CATALOGUE = """
            {"version":"raw/books/dt=2026-12-04/1.json","items":[
             {"bookId":"a","title":"Book A","authors":["Ann"],"language":"eng","year":2001,"tags":[]},
             {"bookId":"b","title":"Book B","authors":["Bob","Bea"],"language":"eng","year":2002,"tags":[]},
             {"bookId":"c","title":"Book C","authors":["Cy"],"language":"eng","year":2003,"tags":[]},
             {"bookId":"d","title":"Book D","authors":["Di"],"language":"eng","year":2004,"tags":[]},
             {"bookId":"z","title":"Book Z","authors":["Zed"],"language":"eng","year":2005,"tags":[]},
             {"bookId":"h1","title":"Hana 1","authors":["Hana","Ivo"],"language":"en-US","year":2006,"tags":[]},
             {"bookId":"h2","title":"Hana 2","authors":["Hana"],"language":"en-GB","year":2007,"tags":[]},
             {"bookId":"h3","title":"Hana 3","authors":["Hana"],"language":"eng","year":2008,"tags":[]},
             {"bookId":"p","title":"Premium","authors":["Pat"],"language":"eng","year":2009,"tags":[],
              "premiumOnly":true},
             {"bookId":"e","title":"Book E","authors":["Eve"],"language":"en","year":2010,"tags":[]},
             {"bookId":"s1","title":"Libro 1","authors":["Sol"],"language":"spa","year":2011,"tags":[]},
             {"bookId":"s2","title":"Libro 2","authors":["Sara"],"language":"es","year":2012,"tags":[]},
             {"bookId":"n","title":"Book N","authors":[],"year":2013,"tags":[]}]}""";

    static final String READER_PROFILE = """
            {"userId":"reader","attributes":{"plan":"premium","language":"eng"},"history":[
             {"bookId":"c","type":"finish","value":null,"occurredAt":"2026-12-01T10:00:00Z"},
             {"bookId":"a","type":"click","value":null,"occurredAt":"2026-12-01T09:00:00Z"}]}""";

    /** Liked book z, whose neighbours are Hana's three books, p, e, then s1 and s2, then n. */
    static final String Z_READER_PROFILE = """
            {"userId":"%s","attributes":{"plan":"free","language":"%s"},"history":[
             {"bookId":"z","type":"click","value":null,"occurredAt":"2026-12-01T09:00:00Z"}]}""";

    /**
     * Every reader in the treatment variant (item-neighbours) on the home surface, and every reader in the
     * word2vec-trial variant, whose model is unknown, on the labs surface.
     */
    static final String SERVING_RULES = """
            {"experiments":[
             {"key":"home-ranking","surface":"home","trafficPercent":100,
              "targeting":{"plans":[],"platforms":[]},
              "variants":[{"name":"treatment","model":"item-neighbours","buckets":[{"from":0,"to":10000}]}]},
             {"key":"labs-ranking","surface":"labs","trafficPercent":100,"targeting":{"plans":[],"platforms":[]},
              "variants":[{"name":"word2vec-trial","model":"word2vec","buckets":[{"from":0,"to":10000}]}]}],
             "winners":[],"canaries":[]}""";

    /** The serving rules plus a canary giving every reader of item-neighbours the candidate version. */
    static final String CANARY_RULES = """
            {"experiments":[],"winners":[],"canaries":[{"id":"neighbours-canary","algorithm":"item-neighbours",
             "candidateVersion":"%s","baselineVersion":"%s","percent":100}]}""";

    private static final AtomicReference<String> rules = new AtomicReference<>(SERVING_RULES);

    private static final AtomicInteger rulesVersion = new AtomicInteger(1);

    private static final AtomicInteger notModified = new AtomicInteger();

    private final HttpServer server;

    private FeatureAndAbtestStubs(HttpServer server) {
        this.server = server;
    }

    static FeatureAndAbtestStubs start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/internal/serving-rules", FeatureAndAbtestStubs::servingRules);
        server.createContext("/internal/books", FeatureAndAbtestStubs::catalogue);
        server.createContext("/internal/users/", FeatureAndAbtestStubs::profile);
        server.start();
        return new FeatureAndAbtestStubs(server);
    }

    String url() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort();
    }

    private static void catalogue(HttpExchange exchange) throws IOException {
        if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("ETag", "\"v1\"");
        json(exchange, 200, CATALOGUE);
    }

    /** Publishes new serving rules under a new ETag. */
    static void publishRules(String json) {
        rules.set(json);
        rulesVersion.incrementAndGet();
    }

    /** How many times the serving rules were answered 304 Not Modified. */
    static int rulesNotModified() {
        return notModified.get();
    }

    private static void servingRules(HttpExchange exchange) throws IOException {
        String etag = "\"rules-" + rulesVersion.get() + "\"";
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            notModified.incrementAndGet();
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("ETag", etag);
        json(exchange, 200, rules.get());
    }

    private static void profile(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/internal/users/reader/profile")) {
            json(exchange, 200, READER_PROFILE);
        }
        else if (path.equals("/internal/users/lector/profile")) {
            json(exchange, 200, Z_READER_PROFILE.formatted("lector", "spa"));
        }
        else if (path.startsWith("/internal/users/z-reader")) {
            json(exchange, 200, Z_READER_PROFILE.formatted("z-reader", "eng"));
        }
        else if (path.equals("/internal/users/unlucky/profile")) {
            json(exchange, 500, "{}");
        }
        else {
            json(exchange, 200, "{\"userId\":\"new\",\"attributes\":null,\"history\":[]}");
        }
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        this.server.stop(0);
    }

}
