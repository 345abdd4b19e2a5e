package dev.securitycenter.it.bench;

import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Load harness for the audit log (run with the {@code benchmarks} profile, PostgreSQL): filtered newest-first pages
 * over a realm holding one million events, and the cost of recording on a password sign-in, measured side by side
 * against a realm without the listener. Prints a Markdown table and writes it to target/benchmarks/audit.md.
 */
@ExtendWith(KeycloakTestServer.class)
class AuditBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 200);
    private static final String PASSWORD = "Correct-Horse-42!";
    private static final String[] TYPES = {"auth.login_succeeded", "auth.login_succeeded", "auth.login_succeeded",
            "auth.login_succeeded", "auth.login_succeeded", "auth.login_succeeded", "auth.login_succeeded",
            "auth.login_failed", "auth.login_failed", "auth.password_changed"};

    private final KeycloakApi api = KeycloakTestServer.api();
    private String adminToken;
    private Instant adminTokenAt = Instant.EPOCH;

    @Test
    void auditQueriesAndRecordingOverhead() throws Exception {
        StringBuilder report = new StringBuilder();
        try (TestRealm withAudit = TestRealm.create(api, "bench-audit", Map.of());
             TestRealm withoutAudit = TestRealm.create(api, "bench-plain",
                     Map.of("eventsListeners", List.of("jboss-logging")))) {
            String realmId = api.get(withAudit.adminPath(), token()).json().get("id").asText();
            long seedStart = System.nanoTime();
            long newest = AuditLogSeed.seed(realmId, EVENTS, TYPES);
            report.append(String.format("Seeded %,d events in %.1f s%n%n", EVENTS,
                    (System.nanoTime() - seedStart) / 1e9));

            report.append(Latencies.header()).append('\n');
            String audit = withAudit.adminPath() + "/security-center/audit?max=50";
            String someUser = "user-" + 417;
            Instant windowEnd = Instant.ofEpochMilli(newest).minus(Duration.ofDays(180));
            String window = "&from=" + windowEnd.minus(Duration.ofDays(7)) + "&to=" + windowEnd;
            report.append(measure("page, no filter", audit)).append('\n');
            report.append(measure("page, type=auth.login_failed", audit + "&type=auth.login_failed")).append('\n');
            report.append(measure("page, type=auth.password_changed (10 %)", audit
                    + "&type=auth.password_changed")).append('\n');
            report.append(measure("page, user (1 of 1000)", audit + "&user=" + someUser)).append('\n');
            report.append(measure("page, 7-day window 180 days back", audit + window)).append('\n');
            report.append(measure("page, type + user + window", audit + "&type=auth.login_succeeded&user="
                    + someUser + window)).append('\n');
            report.append(measure("page 20 (first=950), no filter", audit + "&first=950")).append('\n');

            withAudit.createUser("bench", PASSWORD);
            withoutAudit.createUser("bench", PASSWORD);
            Latencies on = new Latencies("password sign-in, audit listener on (1M-event realm)");
            Latencies off = new Latencies("password sign-in, audit listener off");
            Latencies.interleave(30, SAMPLES * 2, on, () -> api.token(withAudit.name(), "bench", PASSWORD),
                    off, () -> api.token(withoutAudit.name(), "bench", PASSWORD));
            report.append(on.row()).append('\n').append(off.row()).append('\n');
            report.append(String.format("%nRecording overhead on a sign-in, p50: %.2f ms%n",
                    on.percentile(50) - off.percentile(50)));
        }
        Latencies.publish("audit.md", report.toString());
    }

    private String measure(String name, String path) {
        Latencies latencies = new Latencies(name);
        for (int i = 0; i < 20; i++) {
            get(path);
        }
        for (int i = 0; i < SAMPLES; i++) {
            String token = token();
            latencies.time(() -> assertEquals(200, api.get(path, token).status()));
        }
        return latencies.row();
    }

    private void get(String path) {
        assertEquals(200, api.get(path, token()).status());
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
