package dev.securitycenter.it.bench;

import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Load harness for the security overview (run with the {@code benchmarks} profile, PostgreSQL): {@code GET /stats}
 * over a realm holding one million events spread over a year (about 82,000 in the last 30 days), one call at a
 * time. Prints a Markdown table with p50/p95/p99 and writes it to target/benchmarks/stats.md.
 */
@ExtendWith(KeycloakTestServer.class)
class StatsBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 200);
    /** Mostly sign-ins, as a real log; every type the overview draws is there. */
    private static final String[] TYPES = {"auth.login_succeeded", "auth.login_succeeded", "auth.login_succeeded",
            "auth.login_succeeded", "auth.login_succeeded", "auth.login_succeeded", "auth.login_failed",
            "auth.login_failed", "auth.account_locked", "auth.ip_denied", "auth.2fa_enabled", "auth.password_changed"};

    private final KeycloakApi api = KeycloakTestServer.api();
    private String adminToken;
    private Instant adminTokenAt = Instant.EPOCH;

    @Test
    void statsOverAMillionEvents() throws Exception {
        StringBuilder report = new StringBuilder();
        try (TestRealm realm = TestRealm.create(api, "bench-stats", Map.of())) {
            String realmId = api.get(realm.adminPath(), token()).json().get("id").asText();
            long seedStart = System.nanoTime();
            AuditLogSeed.seed(realmId, EVENTS, TYPES);
            report.append(String.format(Locale.ROOT, "Seeded %,d events in %.1f s%n%n", EVENTS,
                    (System.nanoTime() - seedStart) / 1e9));
            report.append("| Call | Samples | p50 (ms) | p95 (ms) | p99 (ms) |\n|---|---|---|---|---|\n");
            String stats = realm.adminPath() + "/security-center/stats?days=";
            for (int days : new int[]{30, 7, 90}) {
                report.append(measure("GET /stats?days=" + days, stats + days)).append('\n');
            }
        }
        Latencies.publish("stats.md", report.toString());
    }

    private String measure(String name, String path) {
        Latencies latencies = new Latencies(name);
        for (int i = 0; i < 20; i++) {
            assertEquals(200, api.get(path, token()).status());
        }
        for (int i = 0; i < SAMPLES; i++) {
            String token = token();
            latencies.time(() -> assertEquals(200, api.get(path, token).status()));
        }
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |", name, SAMPLES,
                latencies.percentile(50), latencies.percentile(95), latencies.percentile(99));
    }

    /** Master admin tokens live 60 s; the harness renews them outside the measured calls. */
    private String token() {
        if (Instant.now().isAfter(adminTokenAt.plusSeconds(30))) {
            adminToken = api.masterAdminToken();
            adminTokenAt = Instant.now();
        }
        return adminToken;
    }
}
