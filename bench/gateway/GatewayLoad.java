import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Load generator for {@code GET /v1/recommendations}, straight at inference-service and through the gateway.
 *
 * <p>Run with {@code java GatewayLoad.java KEY=VALUE...} (see bench/gateway/README.md); bench/gateway/run passes
 * every argument. Each measurement is one phase: a warm-up whose results are dropped, then the measured window.
 * Closed-loop phases keep a fixed number of requests in flight and report the throughput; open-loop phases send
 * at a constant rate and time every request from the moment it was due, not the moment it left, so a stalled
 * server is charged for the requests it held back (no coordinated omission). The generator's own CPU time, the
 * servers' CPU time (from /proc, when their pids are given) and the machine's load are recorded per phase.
 */
public final class GatewayLoad {

    private static final String PATH = "/v1/recommendations?limit=10&surface=home";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int LATE_LIMIT_SECONDS = 15;
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final Settings settings;
    private final List<User> users;
    private final HttpClient client;
    private final ExecutorService completions;

    private GatewayLoad(Settings settings, List<User> users) {
        this.settings = settings;
        this.users = users;
        this.completions = Executors.newFixedThreadPool(settings.threads(), daemonThreads());
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(completions)
                .build();
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        List<User> users = User.read(Path.of(settings.tokens()));
        GatewayLoad load = new GatewayLoad(settings, users);
        load.checkTargetsAnswer();
        Report report = load.runAllPhases();
        report.write(settings);
        System.out.print(report.summary());
        System.exit(0);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "load-completions");
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Fails early, with the answer quoted, when either target does not serve a list for the first user. */
    private void checkTargetsAnswer() throws IOException, InterruptedException {
        for (Target target : Target.values()) {
            HttpResponse<String> response = client.send(request(target, users.get(0), true),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(target.label + " answered " + response.statusCode() + ": "
                        + abbreviate(response.body()));
            }
        }
    }

    private Report runAllPhases() throws InterruptedException {
        List<Phase> plan = List.of(
                Phase.closed(Target.DIRECT, true, settings.connections()),
                Phase.closed(Target.GATEWAY, true, settings.connections()),
                Phase.closed(Target.GATEWAY, false, settings.connections()),
                Phase.open(Target.DIRECT, true, settings.rate(), settings.openConnections()),
                Phase.open(Target.GATEWAY, true, settings.rate(), settings.openConnections()),
                Phase.open(Target.GATEWAY, false, settings.rate(), settings.openConnections()));
        Report report = new Report(settings, Instant.now(), Load.average());
        for (Phase phase : plan) {
            progress("%s: warming up for %d s", phase.name(), settings.warmupSeconds());
            run(phase, settings.warmupSeconds(), false);
            progress("%s: measuring for %d s", phase.name(), settings.durationSeconds());
            PhaseResult result = run(phase, settings.durationSeconds(), true);
            progress("%s: %s", phase.name(), result.oneLine());
            report.add(result);
        }
        return report;
    }

    private PhaseResult run(Phase phase, int seconds, boolean printProgress) throws InterruptedException {
        Recorder recorder = new Recorder();
        Usage before = Usage.now(settings.serverPids());
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        if (phase.rate() > 0) {
            sendAtConstantRate(phase, recorder, start, end, printProgress);
        } else {
            keepInFlight(phase, recorder, end, printProgress);
        }
        Usage after = Usage.now(settings.serverPids());
        return new PhaseResult(phase, recorder, System.nanoTime() - start, before.until(after), Load.average());
    }

    /** Closed loop: each of the phase's connections sends its next request as soon as the last one answered. */
    private void keepInFlight(Phase phase, Recorder recorder, long end, boolean printProgress)
            throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int i = 0; i < phase.connections(); i++) {
            CompletableFuture<Void> loop = new CompletableFuture<>();
            sendUntil(phase, recorder, sequence, end, loop);
            loops.add(loop);
        }
        waitWithProgress(CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)), recorder, printProgress);
    }

    private void sendUntil(Phase phase, Recorder recorder, AtomicLong sequence, long end,
            CompletableFuture<Void> loop) {
        long sent = System.nanoTime();
        if (sent >= end) {
            loop.complete(null);
            return;
        }
        User user = users.get((int) (sequence.getAndIncrement() % users.size()));
        client.sendAsync(request(phase.target(), user, phase.bypassCache()), HttpResponse.BodyHandlers.discarding())
                // Async, so that a request failing at once does not recurse on the caller's stack.
                .whenCompleteAsync((response, failure) -> {
                    recorder.record(System.nanoTime() - sent, response, failure);
                    sendUntil(phase, recorder, sequence, end, loop);
                }, completions);
    }

    /**
     * Open loop: request {@code i} is due at {@code start + i / rate}. Each latency runs from that due time, so
     * a request the generator could only send late (all of the phase's connections busy, the thread descheduled)
     * still counts the wait, as wrk2 does. A server that falls far behind is not waited for forever: requests
     * still unsent {@link #LATE_LIMIT_SECONDS} after the window are counted as {@code unsent}, an error.
     */
    private void sendAtConstantRate(Phase phase, Recorder recorder, long start, long end, boolean printProgress)
            throws InterruptedException {
        double intervalNanos = 1e9 / phase.rate();
        long due = (long) ((end - start) / intervalNanos);
        long giveUp = end + TimeUnit.SECONDS.toNanos(LATE_LIMIT_SECONDS);
        Semaphore connections = new Semaphore(phase.connections());
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long nextProgress = start + TimeUnit.SECONDS.toNanos(5);
        for (long i = 0; i < due; i++) {
            long dueAt = start + (long) (i * intervalNanos);
            LockSupport.parkNanos(dueAt - System.nanoTime());
            if (!connections.tryAcquire(Math.max(0, giveUp - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                recorder.unsent(due - i);
                break;
            }
            pending.add(send(phase, users.get((int) (i % users.size())), dueAt, recorder, connections));
            if (printProgress && System.nanoTime() > nextProgress) {
                progress("  %s", recorder.progressLine());
                nextProgress += TimeUnit.SECONDS.toNanos(5);
            }
        }
        waitWithProgress(CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)), recorder, false);
    }

    /** Sends one request and records it; the future answers normally even when the request failed. */
    private CompletableFuture<Void> send(Phase phase, User user, long dueAt, Recorder recorder, Semaphore permits) {
        return client.sendAsync(request(phase.target(), user, phase.bypassCache()),
                        HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    recorder.record(System.nanoTime() - dueAt, response, failure);
                    permits.release();
                    return null;
                });
    }

    private void waitWithProgress(CompletableFuture<Void> all, Recorder recorder, boolean printProgress)
            throws InterruptedException {
        while (true) {
            try {
                all.get(5, TimeUnit.SECONDS);
                return;
            } catch (java.util.concurrent.TimeoutException stillRunning) {
                if (printProgress) {
                    progress("  %s", recorder.progressLine());
                }
            } catch (java.util.concurrent.ExecutionException failed) {
                throw new IllegalStateException("a request loop failed", failed.getCause());
            }
        }
    }

    private HttpRequest request(Target target, User user, boolean bypassCache) {
        String base = target == Target.DIRECT ? settings.inferenceUrl() : settings.gatewayUrl();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + PATH)).timeout(REQUEST_TIMEOUT).GET();
        if (target == Target.DIRECT) {
            // What the gateway would set for this token: inference-service trusts these headers.
            builder.header("X-User-Id", user.id()).header("X-User-Plan", "premium")
                    .header("X-User-Scopes", "recs:read");
        } else {
            builder.header("Authorization", "Bearer " + user.token());
        }
        if (bypassCache) {
            builder.header("Cache-Control", "no-cache");
        }
        return builder.build();
    }

    private static void progress(String format, Object... arguments) {
        System.err.printf(Locale.ROOT, "[%s] " + format + "%n",
                prepend(Instant.now().toString().substring(11, 19), arguments));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    enum Target {
        DIRECT("inference-service (direct)"), GATEWAY("gateway");

        final String label;

        Target(String label) {
            this.label = label;
        }
    }

    record User(String id, String token) {

        /** Reads {@code userId token} lines, as bench/gateway/run writes them. */
        static List<User> read(Path file) throws IOException {
            List<User> users = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length == 2) {
                    users.add(new User(fields[0], fields[1]));
                }
            }
            if (users.isEmpty()) {
                throw new IllegalArgumentException("no 'userId token' line in " + file);
            }
            return List.copyOf(users);
        }
    }

    record Phase(Target target, boolean bypassCache, int connections, int rate) {

        static Phase closed(Target target, boolean bypassCache, int connections) {
            return new Phase(target, bypassCache, connections, 0);
        }

        static Phase open(Target target, boolean bypassCache, int rate, int connections) {
            return new Phase(target, bypassCache, connections, rate);
        }

        String name() {
            String load = (rate > 0 ? "open " + rate + " req/s over " : "closed ") + connections + " conn.";
            String cache = bypassCache ? ", no-cache" : ", cacheable";
            return (target == Target.DIRECT ? "direct" : "gateway") + ", " + load + cache;
        }

        String key() {
            String load = rate > 0 ? "rate" : "throughput";
            String cache = target == Target.DIRECT ? "" : bypassCache ? "-miss" : "-hit";
            return target.name().toLowerCase(Locale.ROOT) + "-" + load + cache;
        }
    }

    /** Latencies of answered requests, statuses, failures and what the gateway said about its cache. */
    static final class Recorder {

        private long[] latencies = new long[1 << 16];
        private int count;
        private final Map<String, Long> outcomes = new TreeMap<>();
        private long cacheHits;
        private long lastProgressCount;

        synchronized void record(long nanos, HttpResponse<?> response, Throwable failure) {
            String outcome = failure != null ? failure.getClass().getSimpleName() : "" + response.statusCode();
            outcomes.merge(outcome, 1L, Long::sum);
            if (response == null || response.statusCode() != 200) {
                return;
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
            if (servedFromCache(response)) {
                cacheHits++;
            }
        }

        /** A shared cache names its hits with {@code Age} (RFC 9111) or, commonly, an {@code X-Cache} header. */
        private static boolean servedFromCache(HttpResponse<?> response) {
            return response.headers().firstValue("Age").isPresent()
                    || response.headers().allValues("X-Cache").stream()
                            .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("hit"));
        }

        synchronized void unsent(long requests) {
            outcomes.merge("unsent", requests, Long::sum);
        }

        synchronized String progressLine() {
            long recent = count - lastProgressCount;
            lastProgressCount = count;
            return String.format(Locale.ROOT, "%d ok so far (%d since last report), outcomes %s", count, recent,
                    outcomes);
        }

        synchronized long[] sortedLatencies() {
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            return sorted;
        }

        synchronized Map<String, Long> outcomes() {
            return new TreeMap<>(outcomes);
        }

        synchronized long cacheHits() {
            return cacheHits;
        }
    }

    /** CPU seconds of this JVM, of the servers named by pid, and of the whole machine. */
    record Usage(long generatorNanos, Map<String, Long> serverTicks, long machineBusyTicks, long machineTotalTicks) {

        static Usage now(Map<String, Long> pids) {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            Map<String, Long> ticks = new LinkedHashMap<>();
            pids.forEach((name, pid) -> ticks.put(name, processTicks(pid)));
            long[] machine = machineTicks();
            return new Usage(os.getProcessCpuTime(), ticks, machine[0], machine[1]);
        }

        /** Cores used on average between this and {@code later}, per process and for the machine. */
        Map<String, Double> until(Usage later) {
            Map<String, Double> cores = new LinkedHashMap<>();
            cores.put("generatorCpuSeconds", (later.generatorNanos - generatorNanos) / 1e9);
            serverTicks.forEach((name, ticks) -> cores.put(name + "CpuSeconds",
                    (later.serverTicks.getOrDefault(name, ticks) - ticks) / (double) CLOCK_TICKS_PER_SECOND));
            long total = later.machineTotalTicks - machineTotalTicks;
            long busy = later.machineBusyTicks - machineBusyTicks;
            cores.put("machineBusyShare", total == 0 ? 0 : busy / (double) total);
            return cores;
        }

        private static long processTicks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException unreadable) {
                return 0;
            }
        }

        private static long[] machineTicks() {
            try {
                String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < fields.length && i <= 8; i++) {
                    total += Long.parseLong(fields[i]);
                }
                long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
                return new long[] {total - idle, total};
            } catch (IOException | RuntimeException unreadable) {
                return new long[] {0, 0};
            }
        }
    }

    static final class Load {

        static String average() {
            try {
                String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
                return fields[0] + " " + fields[1] + " " + fields[2];
            } catch (IOException unreadable) {
                return "unknown";
            }
        }
    }

    record PhaseResult(Phase phase, long requests, long ok, double seconds, double[] percentilesMs, double maxMs,
            Map<String, Long> outcomes, long cacheHits, Map<String, Double> usage, String loadAverageAfter) {

        static final double[] PERCENTILES = {50, 90, 99, 99.9};

        PhaseResult(Phase phase, Recorder recorder, long nanos, Map<String, Double> usage, String loadAverage) {
            this(phase, recorder.outcomes().values().stream().mapToLong(Long::longValue).sum(),
                    recorder.sortedLatencies().length, nanos / 1e9, percentiles(recorder.sortedLatencies()),
                    max(recorder.sortedLatencies()), recorder.outcomes(), recorder.cacheHits(), usage, loadAverage);
        }

        private static double[] percentiles(long[] sorted) {
            double[] values = new double[PERCENTILES.length];
            for (int i = 0; i < values.length && sorted.length > 0; i++) {
                int rank = (int) Math.ceil(PERCENTILES[i] / 100 * sorted.length) - 1;
                values[i] = sorted[Math.max(0, rank)] / 1e6;
            }
            return values;
        }

        private static double max(long[] sorted) {
            return sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6;
        }

        double throughput() {
            return ok / seconds;
        }

        double p50() {
            return percentilesMs[0];
        }

        double p99() {
            return percentilesMs[2];
        }

        /** The window includes waiting for the last answers, so a server that fell behind shows a lower rate. */
        boolean keptUp() {
            return throughput() >= 0.95 * phase.rate() && errorShare() <= 0.01;
        }

        double errorShare() {
            return requests == 0 ? 1 : (requests - ok) / (double) requests;
        }

        String oneLine() {
            return String.format(Locale.ROOT, "%.0f req/s ok, p50 %.2f ms, p99 %.2f ms, max %.1f ms, outcomes %s, "
                    + "cache hits %d, generator %.2f cores", throughput(), p50(), p99(), maxMs, outcomes,
                    cacheHits, usage.get("generatorCpuSeconds") / seconds);
        }

        String json() {
            StringBuilder json = new StringBuilder("{");
            json.append(field("name", quote(phase.name()))).append(',');
            json.append(field("target", quote(phase.target().name().toLowerCase(Locale.ROOT)))).append(',');
            json.append(field("cacheControlNoCache", "" + phase.bypassCache())).append(',');
            json.append(field("connections", "" + phase.connections())).append(',');
            json.append(field("offeredRatePerSecond", "" + phase.rate())).append(',');
            json.append(field("seconds", number(seconds))).append(',');
            json.append(field("requests", "" + requests)).append(',');
            json.append(field("ok", "" + ok)).append(',');
            json.append(field("throughputPerSecond", number(throughput()))).append(',');
            for (int i = 0; i < PERCENTILES.length; i++) {
                String name = "p" + ("" + PERCENTILES[i]).replace(".0", "").replace(".", "") + "Ms";
                json.append(field(name, number(percentilesMs[i]))).append(',');
            }
            json.append(field("maxMs", number(maxMs))).append(',');
            json.append(field("outcomes", mapJson(outcomes))).append(',');
            json.append(field("cacheHitsReported", "" + cacheHits)).append(',');
            json.append(field("cpu", mapJson(usage))).append(',');
            json.append(field("loadAverageAfter", quote(loadAverageAfter)));
            return json.append('}').toString();
        }
    }

    /** Collects the phases, compares them with the targets and writes the JSON and text reports. */
    static final class Report {

        private final Settings settings;
        private final Instant started;
        private final String loadAverageBefore;
        private final Map<String, PhaseResult> phases = new LinkedHashMap<>();

        Report(Settings settings, Instant started, String loadAverageBefore) {
            this.settings = settings;
            this.started = started;
            this.loadAverageBefore = loadAverageBefore;
        }

        void add(PhaseResult result) {
            phases.put(result.phase().key(), result);
        }

        List<Verdict> verdicts() {
            PhaseResult gatewayMiss = phases.get("gateway-throughput-miss");
            PhaseResult directRate = phases.get("direct-rate");
            PhaseResult gatewayRateMiss = phases.get("gateway-rate-miss");
            return List.of(
                    new Verdict("gateway throughput, cache bypassed", ">= 3000 req/s", gatewayMiss.throughput(),
                            gatewayMiss.throughput() >= 3000, "req/s"),
                    new Verdict("gateway p99 at " + settings.rate() + " req/s, cache bypassed", "<= 10 ms",
                            gatewayRateMiss.p99(), gatewayRateMiss.p99() <= 10, "ms"),
                    new Verdict("p99 the gateway adds at " + settings.rate() + " req/s", "<= 2 ms",
                            gatewayRateMiss.p99() - directRate.p99(), gatewayRateMiss.p99() - directRate.p99() <= 2,
                            "ms"));
        }

        void write(Settings settings) throws IOException {
            Path json = Path.of(settings.output());
            Files.createDirectories(json.toAbsolutePath().getParent());
            Files.writeString(json, json());
            Files.writeString(Path.of(settings.output().replaceFirst("\\.json$", "") + ".txt"), summary());
            progress("written to %s and its .txt summary", json);
        }

        String json() {
            StringBuilder json = new StringBuilder("{\n");
            json.append("  ").append(field("started", quote(started.toString()))).append(",\n");
            json.append("  ").append(field("finished", quote(Instant.now().toString()))).append(",\n");
            json.append("  ").append(field("loadAverageBefore", quote(loadAverageBefore))).append(",\n");
            json.append("  ").append(field("settings", settings.json())).append(",\n");
            json.append("  \"phases\": {\n");
            List<String> entries = new ArrayList<>();
            phases.forEach((key, result) -> entries.add("    " + field(key, result.json())));
            json.append(String.join(",\n", entries)).append("\n  },\n");
            json.append("  ").append(field("gatewayAddedP99Ms", number(addedP99(true)))).append(",\n");
            json.append("  ").append(field("gatewayAddedP99CacheableMs", number(addedP99(false)))).append(",\n");
            json.append("  ").append(field("throughputRatioGatewayToDirect", number(ratio()))).append(",\n");
            List<String> verdicts = verdicts().stream().map(Verdict::json).toList();
            json.append("  \"targets\": [\n    ").append(String.join(",\n    ", verdicts)).append("\n  ]\n}\n");
            return json.toString();
        }

        private double addedP99(boolean bypassCache) {
            return phases.get(bypassCache ? "gateway-rate-miss" : "gateway-rate-hit").p99()
                    - phases.get("direct-rate").p99();
        }

        private double ratio() {
            return phases.get("gateway-throughput-miss").throughput() / phases.get("direct-throughput").throughput();
        }

        String summary() {
            StringBuilder text = new StringBuilder();
            text.append(String.format(Locale.ROOT, "%nGateway benchmark, %s, load average before %s%n", started,
                    loadAverageBefore));
            text.append(String.format(Locale.ROOT, "%-44s %8s %8s %8s %8s %7s %5s %6s %16s%n", "phase", "req/s ok",
                    "p50 ms", "p99 ms", "max ms", "errors", "gen", "cache", "CPU ms/req g/i/f"));
            phases.values().forEach(result -> text.append(row(result)));
            text.append(String.format(Locale.ROOT, "%ngateway/direct throughput (cache bypassed): %.2f%n", ratio()));
            text.append(String.format(Locale.ROOT, "p99 added by the gateway at %d req/s: %.2f ms bypassing the "
                    + "cache, %.2f ms cacheable%n", settings.rate(), addedP99(true), addedP99(false)));
            text.append(cacheLine());
            text.append(keptUpLine());
            text.append("\ntargets:\n");
            verdicts().forEach(verdict -> text.append("  ").append(verdict.line()).append('\n'));
            text.append(String.format(Locale.ROOT, "load average after: %s%n", lastLoadAverage()));
            text.append("gen: the load generator's own CPU use, in cores, over the window.\n"
                    + "CPU ms/req: CPU time of gateway/inference/feature per answered request (from /proc).\n");
            return text.toString();
        }

        private String row(PhaseResult result) {
            return String.format(Locale.ROOT, "%-44s %8.0f %8.2f %8.2f %8.1f %6.2f%% %5.2f %6d %16s%n",
                    result.phase().name(), result.throughput(), result.p50(), result.p99(), result.maxMs(),
                    result.errorShare() * 100, result.usage().get("generatorCpuSeconds") / result.seconds(),
                    result.cacheHits(), cpuPerRequest(result));
        }

        /** CPU milliseconds per answered request of gateway, inference and feature: less noisy than latency. */
        private static String cpuPerRequest(PhaseResult result) {
            List<String> values = new ArrayList<>();
            for (String process : List.of("gateway", "inference", "feature")) {
                Double seconds = result.usage().get(process + "CpuSeconds");
                values.add(seconds == null || result.ok() == 0 ? "-"
                        : String.format(Locale.ROOT, "%.2f", seconds * 1000 / result.ok()));
            }
            return String.join("/", values);
        }

        /** Past saturation an open-loop p99 measures the queue the generator built, not the server. */
        private String keptUpLine() {
            List<String> behind = phases.values().stream().filter(result -> result.phase().rate() > 0)
                    .filter(result -> !result.keptUp()).map(result -> result.phase().name()).toList();
            if (behind.isEmpty()) {
                return "every open-loop phase kept up with its offered rate.\n";
            }
            return "NOT KEPT UP with the offered rate (under 95 % of it answered in time, or errors): "
                    + String.join("; ", behind) + ". Their latencies are time spent queueing behind a saturated "
                    + "server, and the p99 the gateway adds cannot be read from them; run again with a lower --rate.\n";
        }

        private String cacheLine() {
            long hits = phases.values().stream().mapToLong(PhaseResult::cacheHits).sum();
            if (hits == 0) {
                return "cache: no response carried Age or X-Cache: HIT, so the gateway served every request from "
                        + "inference-service; the 'cacheable' rows are misses too.\n";
            }
            return "cache: 'cacheable' rows count responses with Age or X-Cache: HIT in the last column; "
                    + "'no-cache' rows are the misses.\n";
        }

        private String lastLoadAverage() {
            return phases.values().stream().reduce((first, second) -> second).map(PhaseResult::loadAverageAfter)
                    .orElse("unknown");
        }
    }

    record Verdict(String what, String target, double measured, boolean met, String unit) {

        String line() {
            return String.format(Locale.ROOT, "%-4s %-45s %10.2f %-5s (target %s)", met ? "MET" : "MISS", what,
                    measured, unit, target);
        }

        String json() {
            return "{" + field("what", quote(what)) + "," + field("target", quote(target)) + ","
                    + field("measured", number(measured)) + "," + field("unit", quote(unit)) + ","
                    + field("met", "" + met) + "}";
        }
    }

    record Settings(String gatewayUrl, String inferenceUrl, String tokens, String output, int connections, int rate,
            int openConnections, int durationSeconds, int warmupSeconds, int threads, Map<String, Long> serverPids) {

        static Settings parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String arg : args) {
                int equals = arg.indexOf('=');
                if (equals < 1) {
                    throw new IllegalArgumentException("arguments are KEY=VALUE, not '" + arg + "'");
                }
                values.put(arg.substring(0, equals), arg.substring(equals + 1));
            }
            return new Settings(required(values, "gateway"), required(values, "inference"),
                    required(values, "tokens"), required(values, "output"),
                    positive(values, "connections", "32"), positive(values, "rate", "1000"),
                    positive(values, "open-connections", "64"),
                    positive(values, "duration", "30"), positive(values, "warmup", "5"),
                    positive(values, "threads", "2"), pids(values.getOrDefault("pids", "")));
        }

        private static String required(Map<String, String> values, String key) {
            String value = values.get(key);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(key + "=... is required");
            }
            return value;
        }

        private static int positive(Map<String, String> values, String key, String fallback) {
            int value = Integer.parseInt(values.getOrDefault(key, fallback));
            if (value < 1) {
                throw new IllegalArgumentException(key + " must be at least 1, not " + value);
            }
            return value;
        }

        /** {@code gateway:123,inference:456} into names and pids. */
        private static Map<String, Long> pids(String list) {
            Map<String, Long> pids = new LinkedHashMap<>();
            for (String entry : list.split(",")) {
                String[] parts = entry.split(":");
                if (parts.length == 2 && !parts[1].isBlank()) {
                    pids.put(parts[0], Long.parseLong(parts[1].trim()));
                }
            }
            return pids;
        }

        String json() {
            return "{" + field("gateway", quote(gatewayUrl)) + "," + field("inference", quote(inferenceUrl)) + ","
                    + field("connections", "" + connections) + "," + field("rate", "" + rate) + ","
                    + field("openLoopConnections", "" + openConnections) + ","
                    + field("durationSeconds", "" + durationSeconds) + ","
                    + field("warmupSeconds", "" + warmupSeconds) + "," + field("generatorThreads", "" + threads)
                    + "," + field("serverPids", mapJson(serverPids)) + "}";
        }
    }

    static String field(String name, String jsonValue) {
        return quote(name) + ": " + jsonValue;
    }

    static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String mapJson(Map<String, ?> map) {
        List<String> entries = new ArrayList<>();
        map.forEach((key, value) -> entries.add(field(key, value instanceof Double d ? number(d) : "" + value)));
        return "{" + String.join(", ", entries) + "}";
    }
}
