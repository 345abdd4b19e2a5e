package dev.securitycenter.it.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.SourceBoundHttp;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A flood of refused requests from outside the allowlist does not write one audit row per request: repeats of an
 * address within a minute are summarised, and the rows still account for every refused request.
 */
@ExtendWith(KeycloakTestServer.class)
class RefusedConnectionFloodIT {

    private static final int REQUESTS = 200;
    private static final String OUTSIDER = "127.0.0.2";

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;

    @BeforeEach
    void realmAllowingOnlyThisMachine() {
        realm = TestRealm.create(api, "flood", Map.of());
        realm.createUser("ada", "Correct-Horse-42!");
        realm.allowOnlyThisMachine();
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void parallelRefusedRequestsWriteABoundedNumberOfRowsThatAccountForEveryRequest() throws Exception {
        SourceBoundHttp outsider = new SourceBoundHttp(api.baseUrl(), OUTSIDER);
        String signInPage = "/realms/" + realm.name() + "/protocol/openid-connect/auth?client_id=account-console"
                + "&response_type=code&scope=openid&redirect_uri="
                + URLEncoder.encode(api.baseUrl() + "/realms/" + realm.name() + "/account/", StandardCharsets.UTF_8)
                + "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        String tokenEndpoint = "/realms/" + realm.name() + "/protocol/openid-connect/token";

        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            boolean page = i % 2 == 0;
            answers.add(pool.submit(() -> {
                start.await();
                return page ? outsider.get(signInPage, Map.of()).status()
                        : outsider.postForm(tokenEndpoint, Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", "ada", "password", "Correct-Horse-42!"), Map.of()).status();
            }));
        }
        start.countDown();
        for (Future<Integer> answer : answers) {
            assertEquals(403, answer.get(), "every request from outside is refused");
        }
        pool.shutdown();

        AuditLog log = new AuditLog(api, realm.name());
        List<JsonNode> rows = awaitAccountedFor(log, REQUESTS, Duration.ofSeconds(100));
        // the requests span at most two minutes: per minute one first-refusal row and one summary
        assertTrue(rows.size() <= 4, "rows are bounded, got " + rows.size());
        for (JsonNode row : rows) {
            if (row.at("/details/summary").asBoolean()) {
                long byWhere = 0;
                for (JsonNode n : row.at("/details/where")) {
                    byWhere += n.asLong();
                }
                assertEquals(row.at("/details/count").asLong(), byWhere, "where adds up: " + row);
            }
        }
        JsonNode verification = log.verify();
        assertTrue(verification.get("ok").asBoolean(), verification.toString());
    }

    /** Waits until the outsider's rows account for {@code expected} requests (the summaries follow their minute). */
    private static List<JsonNode> awaitAccountedFor(AuditLog log, int expected, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<JsonNode> rows = List.of();
        long accounted = 0;
        while (Instant.now().isBefore(deadline)) {
            rows = log.events("type=auth.ip_denied&max=500").stream()
                    .filter(e -> OUTSIDER.equals(e.path("ipAddress").asText())).toList();
            accounted = rows.stream()
                    .mapToLong(e -> e.at("/details/summary").asBoolean() ? e.at("/details/count").asLong() : 1)
                    .sum();
            if (accounted >= expected) {
                break;
            }
            Thread.sleep(1000);
        }
        assertEquals(expected, accounted, "every refused request is accounted for (" + rows.size() + " rows)");
        return rows;
    }
}
