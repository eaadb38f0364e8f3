package io.curio.events;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What refusing hostile input costs compared with reading a valid event: microseconds per call of
 * {@link EventCodec#decode} or {@link EventCodec#decodeBatch} on one thread, after a warm-up of the same
 * length. Each hostile input fills 1 MiB and is refused only at its end, the worst place. Prints a line
 * per case and writes them as one JSON object.
 * <p>
 * Arguments: {@code [rounds per 1 MiB case, default 300] [output file]}.
 */
public final class RefusalCostBenchmark {

    private static final int MIB = 1024 * 1024;

    private static final EventCodec CODEC = new EventCodec(Clock.systemUTC());

    private static volatile Object sink;

    private RefusalCostBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 300;
        Map<String, Double> micros = new LinkedHashMap<>();
        byte[] valid = bytes(HostileRecords.event("requestId", "\"0b6f0d2e-1111-2222-3333-444455556666\"",
                "platform", "\"ios\"", "properties", "{\"surface\":\"home\"}"));
        micros.put("validEvent", time(rounds * 1000, () -> sink = CODEC.decode(valid)));
        micros.put("utf8ScanOfValidEvent", time(rounds * 10_000, () -> sink = Utf8Bytes.firstMalformed(valid)));
        micros.put("numberOfOneMebibyte", decodeTime(rounds, "{\"n\":" + "9".repeat(MIB - 6) + "}"));
        micros.put("openBracketsOfOneMebibyte", decodeTime(rounds, "[".repeat(MIB)));
        micros.put("duplicateKeyAfterOneMebibyte", decodeTime(rounds,
                "{\"k\":1,\"p\":\"" + "x".repeat(MIB - 24) + "\",\"k\":2}"));
        micros.put("malformedUtf8AfterOneMebibyte", time(rounds, malformedAtTheEnd()));
        micros.put("bodyOfOneMebibyteOfEvents", time(rounds, tooManyEvents()));
        print(micros, System.out);
        if (args.length > 1) {
            Files.writeString(Path.of(args[1]), json(micros) + "\n", StandardCharsets.UTF_8);
        }
    }

    private static double decodeTime(int rounds, String record) {
        byte[] bytes = bytes(record);
        return time(rounds, () -> sink = CODEC.decode(bytes));
    }

    private static Runnable malformedAtTheEnd() {
        byte[] record = bytes("{\"s\":\"" + "x".repeat(MIB - 10) + "é\"}");
        record[record.length - 4] = (byte) 0xC0;
        return () -> sink = CODEC.decode(record);
    }

    /** A body of about 350,000 empty objects: refused at the 501st, before the rest is read. */
    private static Runnable tooManyEvents() {
        byte[] body = bytes("[" + "{},".repeat(MIB / 3 - 1) + "{}]");
        return () -> {
            try {
                sink = CODEC.decodeBatch(body, 500);
            }
            catch (MalformedEventsException ex) {
                sink = ex;
            }
        };
    }

    private static double time(int rounds, Runnable call) {
        repeat(rounds, call);
        long start = System.nanoTime();
        repeat(rounds, call);
        return (System.nanoTime() - start) / 1000.0 / rounds;
    }

    private static void repeat(int rounds, Runnable call) {
        for (int i = 0; i < rounds; i++) {
            call.run();
        }
    }

    private static void print(Map<String, Double> micros, PrintStream out) {
        Consumer<Map.Entry<String, Double>> line = (entry) -> out.printf(Locale.ROOT, "refusal cost: %-32s %10.2f us%n",
                entry.getKey(), entry.getValue());
        micros.entrySet().forEach(line);
    }

    private static String json(Map<String, Double> micros) {
        return micros.entrySet()
            .stream()
            .map((entry) -> String.format(Locale.ROOT, "\"%sMicros\":%.3f", entry.getKey(), entry.getValue()))
            .collect(Collectors.joining(",", "{", "}"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
