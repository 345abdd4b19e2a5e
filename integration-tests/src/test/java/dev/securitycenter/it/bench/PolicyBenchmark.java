package dev.securitycenter.it.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Sql;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Load harness for the policy API (run with the {@code benchmarks} profile, PostgreSQL): a realm with 100,000
 * users (28.5 % with TOTP, 80 % with a recorded password compliance) and 20,000 live sessions, then GET policy,
 * GET mfa/status and POST policy/preview (a stronger policy touching every counted warning). Users are inserted with
 * SQL (with a copy of one real password credential); the sessions come from real password grants.
 */
@ExtendWith(KeycloakTestServer.class)
class PolicyBenchmark {

    private static final int USERS = Integer.getInteger("bench.users", 100_000);
    private static final int SESSIONS = Integer.getInteger("bench.sessions", 20_000);
    private static final int SESSION_USERS = 5_000;
    private static final int SAMPLES = Integer.getInteger("bench.samples", 100);
    private static final String PASSWORD = "Correct-Horse-42!";

    private final KeycloakApi api = KeycloakTestServer.api();
    private String token;
    private Instant tokenAt = Instant.EPOCH;

    @Test
    void policyEndpointsOnALargeRealm() throws Exception {
        StringBuilder report = new StringBuilder();
        // one PBKDF2 iteration for the seeded users only: the harness needs 20,000 sign-ins, not 20,000 hashes
        try (TestRealm realm = TestRealm.create(api, "bench-policy",
                Map.of("passwordPolicy", "hashAlgorithm(pbkdf2-sha256) and hashIterations(1)"))) {
            String path = realm.adminPath() + "/security-center/policy";
            assertEquals(200, api.post(path + "/defaults", token(), "").status());
            ObjectNode unlimited = (ObjectNode) api.get(path, token()).json();
            unlimited.withObjectProperty("sessions").putNull("maxConcurrentSessions").putNull("idleTimeoutMinutes");
            assertEquals(200, api.put(path, token(), unlimited).status());

            String templateUser = realm.createUser("template", PASSWORD);
            long start = System.nanoTime();
            seedUsers(realm, templateUser);
            report.append(String.format("Seeded %,d users in %.1f s%n", USERS, (System.nanoTime() - start) / 1e9));
            start = System.nanoTime();
            openSessions(realm);
            report.append(String.format("Opened %,d sessions (%,d users) in %.1f s%n%n", SESSIONS, SESSION_USERS,
                    (System.nanoTime() - start) / 1e9));

            ObjectNode stronger = unlimited.deepCopy();
            stronger.withObjectProperty("password").put("minLength", 16);
            stronger.withObjectProperty("sessions").put("maxConcurrentSessions", 3).put("idleTimeoutMinutes", 15);
            stronger.withObjectProperty("mfa").put("enforcement", "REQUIRED_ALL");

            report.append(Latencies.header()).append('\n');
            report.append(measure("GET policy", () -> assertEquals(200, api.get(path, token()).status())));
            report.append(measure("GET mfa/status", () -> assertEquals(200,
                    api.get(realm.adminPath() + "/security-center/mfa/status", token()).status())));
            report.append(measure("POST policy/preview (stronger password, 2FA required, limit 3, idle 15)",
                    () -> assertEquals(200, api.post(path + "/preview", token(), stronger).status())));
            report.append('\n').append("Preview answer: ").append(api.post(path + "/preview", token(), stronger)
                    .json().get("warnings").toString()).append('\n');
        }
        System.out.println(report);
        Path out = Path.of(System.getProperty("it.log.dir"), "benchmarks", "policy.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private String measure(String name, Runnable call) {
        Latencies latencies = new Latencies(name);
        for (int i = 0; i < 10; i++) {
            call.run();
        }
        for (int i = 0; i < SAMPLES; i++) {
            token();
            latencies.time(call);
        }
        return latencies.row() + "\n";
    }

    private String token() {
        if (Instant.now().isAfter(tokenAt.plusSeconds(30))) {
            token = api.masterAdminToken();
            tokenAt = Instant.now();
        }
        return token;
    }

    /** Users bench00000…, each with a copy of the template user's password credential. */
    private void seedUsers(TestRealm realm, String templateUser) throws Exception {
        String realmId = api.get(realm.adminPath(), token()).json().get("id").asText();
        List<Object> credential = Sql.row("select SECRET_DATA, CREDENTIAL_DATA from CREDENTIAL where USER_ID = ?"
                + " and TYPE = 'password'", templateUser);
        try (Connection db = KeycloakTestServer.server().database().connect();
             SeededUsers users = new SeededUsers(db, realmId, credential)) {
            PreparedStatement attribute = users.batch("insert into USER_ATTRIBUTE (ID, NAME, VALUE, USER_ID)"
                    + " values (?, 'securityCenter.passwordCompliance', ?, ?)");
            for (int i = 0; i < USERS; i++) {
                String id = users.add(String.format("bench%05d", i));
                // the users who sign in for the sessions have no TOTP (they would need codes)
                if (i >= SESSION_USERS && i % 10 < 3) {
                    users.addCredential(id, "otp", "{\"value\":\"BenchSecretBench0001\"}",
                            "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,"
                                    + "\"algorithm\":\"HmacSHA1\"}", 20);
                }
                if (i % 10 < 8) {
                    attribute.setString(1, UUID.randomUUID().toString());
                    attribute.setString(2, i % 2 == 0 ? "14:ULDS" : "20:ULDS");
                    attribute.setString(3, id);
                    attribute.addBatch();
                }
            }
        }
        assertEquals(USERS + 1, Sql.count("select count(*) from USER_ENTITY where REALM_ID = ?", realmId));
    }

    /** Real password grants from four threads: four sessions for each of the first 5,000 users. */
    private void openSessions(TestRealm realm) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> logins = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                String username = String.format("bench%05d", i % SESSION_USERS);
                logins.add(pool.submit(() -> assertEquals(200,
                        api.passwordGrant(realm.name(), username, PASSWORD).status())));
            }
                for (Future<?> login : logins) {
                login.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
