package dev.securitycenter.it.bench;

import dev.securitycenter.audit.AuditHash;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Sql;
import dev.securitycenter.it.support.TestRealm;
import dev.securitycenter.jpa.AuditEventEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

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
    private static final int USERS = 1000;
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
            long newest = seed(realmId);
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

    /** One million chained events over the past year, 1000 users, inserted in JDBC batches. */
    private long seed(String realmId) throws Exception {
        Random random = new Random(42);
        long now = System.currentTimeMillis();
        long start = now - Duration.ofDays(365).toMillis();
        long step = (now - start) / EVENTS;
        String prev = AuditHash.GENESIS;
        long time = start;
        try (Connection db = KeycloakTestServer.server().database().connect()) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("insert into SC_AUDIT_EVENT (ID, REALM_ID, SEQ,"
                    + " EVENT_TYPE, SUBJECT_USER_ID, SUBJECT_USERNAME, CLIENT_ID, IP_ADDRESS, EVENT_TIME, PREV_HASH,"
                    + " HASH) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int seq = 1; seq <= EVENTS; seq++) {
                    int user = random.nextInt(USERS);
                    time += step;
                    AuditEventEntity row = new AuditEventEntity();
                    row.setId(UUID.randomUUID().toString());
                    row.setRealmId(realmId);
                    row.setSeq(seq);
                    row.setType(TYPES[random.nextInt(TYPES.length)]);
                    row.setSubjectUserId("user-" + user);
                    row.setSubjectUsername("user" + user);
                    row.setClientId("account-console");
                    row.setIpAddress("10.0." + random.nextInt(256) + "." + random.nextInt(256));
                    row.setTime(time);
                    row.setPrevHash(prev);
                    row.setHash(AuditHash.of(row));
                    Object[] values = {row.getId(), realmId, (long) seq, row.getType(), row.getSubjectUserId(),
                            row.getSubjectUsername(), row.getClientId(), row.getIpAddress(), row.getTime(),
                            row.getPrevHash(), row.getHash()};
                    for (int i = 0; i < values.length; i++) {
                        insert.setObject(i + 1, values[i]);
                    }
                    insert.addBatch();
                    prev = row.getHash();
                    if (seq % 5000 == 0) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement head = db.prepareStatement("insert into SC_AUDIT_CHAIN_HEAD (REALM_ID, LAST_SEQ,"
                    + " LAST_HASH, PURGED_THROUGH_SEQ, PURGED_THROUGH_HASH) values (?, ?, ?, 0, ?)")) {
                head.setString(1, realmId);
                head.setLong(2, EVENTS);
                head.setString(3, prev);
                head.setString(4, AuditHash.GENESIS);
                head.executeUpdate();
            }
            db.commit();
            try (Statement analyze = db.createStatement()) {
                db.setAutoCommit(true);
                analyze.execute("analyze SC_AUDIT_EVENT");
            }
        }
        assertEquals(EVENTS, Sql.count("select count(*) from SC_AUDIT_EVENT where REALM_ID = ?", realmId));
        return time;
    }
}
