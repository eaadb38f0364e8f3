import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load generator of bench/gateway: GET /v1/recommendations directly on inference-service (with the X-User-*
 * headers the gateway would set) and through the gateway (a premium token per reader), each measured closed loop
 * (N connections as fast as they are answered: throughput) and open loop (a fixed rate, latency measured from the
 * planned send time so that a stall is not hidden).
 * Arguments: gatewayUrl inferenceUrl jwtSecret connections seconds rate report.json
 */
public final class GatewayLoad {

    private static final int READERS = 2000;

    private final String gateway;
    private final String inference;
    private final String secret;
    private final int connections;
    private final int seconds;
    private final int rate;
    private final HttpClient http;
    private final String[] tokens = new String[READERS];

    private GatewayLoad(String[] args) {
        this.gateway = args[0];
        this.inference = args[1];
        this.secret = args[2];
        this.connections = Integer.parseInt(args[3]);
        this.seconds = Integer.parseInt(args[4]);
        this.rate = Integer.parseInt(args[5]);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long now = System.currentTimeMillis() / 1000;
        for (int reader = 0; reader < READERS; reader++) {
            this.tokens[reader] = token(reader + 1, now);
        }
    }

    public static void main(String[] args) throws Exception {
        GatewayLoad load = new GatewayLoad(args);
        System.out.println("warming up both paths for " + load.seconds + " s");
        load.closed(false, load.seconds);
        load.closed(true, load.seconds);
        List<Result> results = new ArrayList<>();
        for (boolean throughGateway : new boolean[] {false, true}) {
            results.add(load.closed(throughGateway, load.seconds));
            results.add(load.open(throughGateway, load.seconds));
        }
        System.out.printf(Locale.ROOT, "%-10s %-26s %10s %8s %8s %8s %7s%n", "path", "mode", "req/s", "p50 ms",
                "p99 ms", "max ms", "errors");
        results.forEach(result -> System.out.println(result.row()));
        Files.writeString(Path.of(args[6]), json(load, results));
        System.exit(0);
    }

    private Result closed(boolean throughGateway, int duration) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(duration).toNanos();
        Recorder recorder = new Recorder(duration * 20_000);
        Thread[] workers = new Thread[this.connections];
        AtomicInteger next = new AtomicInteger();
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    boolean ok = sendBlocking(request(throughGateway, next.getAndIncrement()));
                    recorder.record(start, ok);
                }
            });
            workers[i].start();
        }
        long began = System.nanoTime();
        for (Thread worker : workers) {
            worker.join();
        }
        return recorder.result(throughGateway, "closed, " + this.connections + " connections",
                System.nanoTime() - began);
    }

    private Result open(boolean throughGateway, int duration) {
        int total = this.rate * duration;
        long interval = 1_000_000_000L / this.rate;
        Recorder recorder = new Recorder(total);
        List<CompletableFuture<?>> sent = new ArrayList<>(total);
        long began = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long planned = began + i * interval;
            LockSupport.parkNanos(planned - System.nanoTime());
            sent.add(this.http.sendAsync(request(throughGateway, i), HttpResponse.BodyHandlers.discarding())
                    .handle((response, error) -> {
                        recorder.record(planned, error == null && response.statusCode() == 200);
                        return null;
                    }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        return recorder.result(throughGateway, "open, " + this.rate + " req/s", System.nanoTime() - began);
    }

    private boolean sendBlocking(HttpRequest request) {
        try {
            return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        }
        catch (Exception ex) {
            return false;
        }
    }

    private HttpRequest request(boolean throughGateway, int sequence) {
        int reader = Math.floorMod(sequence * 7919, READERS);
        String path = "/v1/recommendations?limit=10&surface=home";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create((throughGateway ? this.gateway
                : this.inference) + path)).timeout(Duration.ofSeconds(10));
        if (throughGateway) {
            return request.header("Authorization", "Bearer " + this.tokens[reader]).build();
        }
        return request.header("X-User-Id", Integer.toString(reader + 1)).header("X-User-Plan", "premium")
                .header("X-User-Scopes", "recs:read").build();
    }

    private String token(int reader, long now) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = "{\"sub\":\"" + reader + "\",\"plan\":\"premium\",\"scope\":\"recs:read\",\"iat\":" + (now - 5)
                + ",\"exp\":" + (now + 3600) + "}";
        String unsigned = header + "." + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(this.secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return unsigned + "." + base64.encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.UTF_8)));
        }
        catch (Exception ex) {
            throw new IllegalStateException("cannot sign a bench token", ex);
        }
    }

    private static String json(GatewayLoad load, List<Result> results) {
        StringBuilder json = new StringBuilder("{\"connections\":" + load.connections + ",\"seconds\":" + load.seconds
                + ",\"openLoopRate\":" + load.rate + ",\"results\":[");
        for (int i = 0; i < results.size(); i++) {
            json.append(i == 0 ? "" : ",").append(results.get(i).json());
        }
        return json.append("]}\n").toString();
    }

    /** Latencies of one measurement, in nanoseconds, with the count of failed or non-200 answers. */
    private static final class Recorder {

        private final long[] latencies;
        private final AtomicInteger count = new AtomicInteger();
        private final AtomicLong errors = new AtomicLong();

        Recorder(int capacity) {
            this.latencies = new long[capacity];
        }

        void record(long start, boolean ok) {
            int slot = this.count.getAndIncrement();
            if (slot < this.latencies.length) {
                this.latencies[slot] = System.nanoTime() - start;
            }
            if (!ok) {
                this.errors.incrementAndGet();
            }
        }

        Result result(boolean throughGateway, String mode, long elapsed) {
            int n = Math.min(this.count.get(), this.latencies.length);
            long[] sorted = Arrays.copyOf(this.latencies, n);
            Arrays.sort(sorted);
            return new Result(throughGateway ? "gateway" : "inference", mode, this.count.get() * 1e9 / elapsed,
                    millis(sorted, 0.50), millis(sorted, 0.99), n == 0 ? 0 : sorted[n - 1] / 1e6, this.errors.get());
        }

        private static double millis(long[] sorted, double quantile) {
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, quantile * sorted.length)] / 1e6;
        }
    }

    private record Result(String path, String mode, double throughput, double p50, double p99, double max,
            long errors) {

        String row() {
            return String.format(Locale.ROOT, "%-10s %-26s %10.0f %8.2f %8.2f %8.2f %7d", this.path, this.mode,
                    this.throughput, this.p50, this.p99, this.max, this.errors);
        }

        String json() {
            return String.format(Locale.ROOT, "{\"path\":\"%s\",\"mode\":\"%s\",\"requestsPerSecond\":%.1f,"
                    + "\"p50Ms\":%.3f,\"p99Ms\":%.3f,\"maxMs\":%.3f,\"errors\":%d}", this.path, this.mode,
                    this.throughput, this.p50, this.p99, this.max, this.errors);
        }
    }
}
