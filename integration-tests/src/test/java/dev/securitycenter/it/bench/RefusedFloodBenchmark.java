package dev.securitycenter.it.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.SourceBoundHttp;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Load harness for sign-in during a flood of refused requests (run with the {@code benchmarks} profile,
 * PostgreSQL): in a realm whose allowlist admits only 127.0.0.1, full browser sign-ins from 127.0.0.1 are timed one
 * after another while 5,000 requests from 127.0.0.2 (half sign-in page loads, half password grants,
 * {@value #FLOODERS} connections, 100 per second: {@code -Dbench.flood}, {@code -Dbench.floodRate}) are refused.
 * The flood runs in alternate {@value #SLOT_SECONDS}-second slots, and each sign-in counts as "during the flood" or
 * "quiet" by the slot it started and ended in (one that straddles two slots is dropped), so the machine's load drift
 * hits both sides alike. {@value #ROUNDS} rounds; prints a Markdown table with the load average at the start of each
 * round and writes it to target/benchmarks/refused-flood.md.
 */
@ExtendWith(KeycloakTestServer.class)
class RefusedFloodBenchmark {

    private static final int FLOOD = Integer.getInteger("bench.flood", 5000);
    /** Refused requests per second; a 2-core machine has no spare core for an unpaced flood and the sign-ins. */
    private static final int FLOOD_RATE = Integer.getInteger("bench.floodRate", 100);
    private static final int FLOODERS = 4;
    private static final int SLOT_SECONDS = 5;
    private static final long SLOT_NANOS = SLOT_SECONDS * 1_000_000_000L;
    private static final int ROUNDS = 3;
    private static final int WARM_UP = 30;
    private static final String PASSWORD = "Correct-Horse-Battery-42!";

    private final KeycloakApi api = KeycloakTestServer.api();

    @Test
    void signInDuringAFloodOfRefusedRequests() throws Exception {
        try (TestRealm realm = TestRealm.create(api, "bench-flood", Map.of())) {
            realm.allowOnlyThisMachine();
            realm.createUser("bench", PASSWORD);
            for (int i = 0; i < WARM_UP; i++) {
                signIn(realm);
            }
            StringBuilder report = new StringBuilder("| Round | Sign-ins quiet / flood | p50 ms quiet "
                    + "| p50 ms during flood | ratio | refused requests | load average (1, 5, 15 min) |\n"
                    + "|---|---|---|---|---|---|---|\n");
            List<Double> ratios = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                String[] load = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
                Latencies quiet = new Latencies("quiet");
                Latencies flooded = new Latencies("during flood");
                int refused = floodRound(realm, quiet, flooded);
                double ratio = flooded.percentile(50) / quiet.percentile(50);
                ratios.add(ratio);
                report.append(String.format(Locale.ROOT, "| %d | %d / %d | %.2f | %.2f | %.3f | %d | %s %s %s |%n",
                        round, quiet.count(), flooded.count(), quiet.percentile(50), flooded.percentile(50), ratio,
                        refused, load[0], load[1], load[2]));
            }
            List<Double> sorted = ratios.stream().sorted().toList();
            report.append(String.format(Locale.ROOT, "%nMedian of the rounds' p50 ratios flood / quiet: %.3f%n",
                    sorted.get(sorted.size() / 2)));
            System.out.println(report);
            Path out = Path.of(System.getProperty("it.log.dir"), "benchmarks", "refused-flood.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        }
    }

    /** Times sign-ins for as long as one flood lasts, sorted by slot; returns the number of refused requests. */
    private int floodRound(TestRealm realm, Latencies quiet, Latencies flooded) throws Exception {
        SourceBoundHttp outsider = new SourceBoundHttp(api.baseUrl(), "127.0.0.2");
        String page = "/realms/" + realm.name() + "/protocol/openid-connect/auth?client_id=account-console"
                + "&response_type=code&scope=openid&redirect_uri="
                + URLEncoder.encode(api.baseUrl() + "/realms/" + realm.name() + "/account/", StandardCharsets.UTF_8)
                + "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        String token = "/realms/" + realm.name() + "/protocol/openid-connect/token";
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(FLOODERS);
        long start = System.nanoTime();
        List<Future<?>> flooders = new ArrayList<>();
        for (int t = 0; t < FLOODERS; t++) {
            flooders.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < FLOOD; i = next.getAndIncrement()) {
                    sleepUntil(start + floodTime(i));
                    int status = i % 2 == 0 ? outsider.get(page, Map.of()).status()
                            : outsider.postForm(token, Map.of("grant_type", "password", "client_id", "admin-cli",
                            "username", "bench", "password", PASSWORD), Map.of()).status();
                    if (status != 403) {
                        throw new AssertionError("refused request answered " + status);
                    }
                    refused.incrementAndGet();
                }
                return null;
            }));
        }
        while (next.get() < FLOOD) {
            long began = System.nanoTime() - start;
            long tookNanos = timed(() -> signIn(realm));
            long ended = System.nanoTime() - start;
            long slot = began / SLOT_NANOS;
            if (slot == ended / SLOT_NANOS) {
                (slot % 2 == 0 ? flooded : quiet).add(tookNanos);
            }
        }
        for (Future<?> flooder : flooders) {
            flooder.get();
        }
        pool.shutdown();
        return refused.get();
    }

    /** When the i-th refused request is due after the start: paced, and only in the even slots. */
    private static long floodTime(int i) {
        long onTime = i * 1_000_000_000L / FLOOD_RATE;
        long slots = onTime / SLOT_NANOS;
        return slots * 2 * SLOT_NANOS + onTime % SLOT_NANOS;
    }

    private static void sleepUntil(long due) throws InterruptedException {
        long early = due - System.nanoTime();
        if (early > 0) {
            Thread.sleep(early / 1_000_000, (int) (early % 1_000_000));
        }
    }

    private static long timed(Runnable operation) {
        long began = System.nanoTime();
        operation.run();
        return System.nanoTime() - began;
    }

    private void signIn(TestRealm realm) {
        BrowserSession browser = new BrowserSession(api.baseUrl(), realm.name(), "RefusedFloodBenchmark");
        JsonNode tokens = browser.tokens(browser.signIn("bench", PASSWORD));
        if (!tokens.has("access_token")) {
            throw new AssertionError("no tokens: " + tokens);
        }
    }

}
