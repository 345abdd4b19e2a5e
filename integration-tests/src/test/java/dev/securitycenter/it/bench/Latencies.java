package dev.securitycenter.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Wall-clock samples of one measured operation, summarised as percentiles in milliseconds. */
final class Latencies {

    private final String name;
    private final List<Long> nanos = new ArrayList<>();

    Latencies(String name) {
        this.name = name;
    }

    void time(Runnable operation) {
        long start = System.nanoTime();
        operation.run();
        add(System.nanoTime() - start);
    }

    /** A sample timed by the caller. */
    void add(long elapsedNanos) {
        nanos.add(elapsedNanos);
    }

    int count() {
        return nanos.size();
    }

    double percentile(double p) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }

    String row() {
        return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f |", name, nanos.size(), percentile(50),
                percentile(95), percentile(100));
    }

    /**
     * Times two operations side by side: each warmed up, then their samples interleaved, so that drift in the
     * machine's load hits both alike.
     */
    static void interleave(int warmUp, int samples, Latencies first, Runnable firstOperation, Latencies second,
                           Runnable secondOperation) {
        for (int i = 0; i < warmUp; i++) {
            firstOperation.run();
            secondOperation.run();
        }
        for (int i = 0; i < samples; i++) {
            first.time(firstOperation);
            second.time(secondOperation);
        }
    }

    /** Prints a harness's Markdown report and writes it to target/benchmarks/{@code file}. */
    static void publish(String file, String report) throws IOException {
        System.out.println(report);
        Path out = Path.of(System.getProperty("it.log.dir"), "benchmarks", file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    static String header() {
        return "| Operation | Samples | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|";
    }
}
