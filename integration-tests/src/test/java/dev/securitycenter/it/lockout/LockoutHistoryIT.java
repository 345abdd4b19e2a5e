package dev.securitycenter.it.lockout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.RealmManagementRoles;
import dev.securitycenter.it.support.ServerClock;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The last 30 days of lockouts, read from the audit log: who, when, from where and how each ended. */
@ExtendWith(KeycloakTestServer.class)
class LockoutHistoryIT {

    private static final String PASSWORD = "Correct-Horse-42!";

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;

    @BeforeEach
    void createRealmLockingAfterThreeFailures() {
        realm = TestRealm.create(api, "lockout-history", Map.of());
        assertEquals(200, api.post(realm.adminPath() + "/security-center/policy/defaults", api.masterAdminToken(), "")
                .status());
        ObjectNode doc = (ObjectNode) api.get(policy(), api.masterAdminToken()).json();
        doc.withObjectProperty("lockout").put("maxFailures", 3).put("durationMinutes", 30);
        assertEquals(200, api.put(policy(), api.masterAdminToken(), doc).status());
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void aLockoutLiftedByAnAdminThenALockoutStillInForce() {
        String userId = realm.createUser("lena", PASSWORD);
        assertEquals(0, history(api.masterAdminToken()).size(), "no lockouts yet");
        lockOut("lena");
        JsonNode first = history(api.masterAdminToken());
        assertEquals(1, first.size(), first.toString());
        assertEquals("LOCKED", first.get(0).get("ended").asText(), first.toString());
        assertTrue(first.get(0).get("endedAt").isNull());

        assertEquals(200, api.post(lockouts() + "/" + userId + "/unlock", api.masterAdminToken(), "").status());
        new AuditLog(api, realm.name()).awaitEvent("auth.account_unlocked", "lena");
        lockOut("lena");

        JsonNode both = history(api.masterAdminToken());
        assertEquals(2, both.size(), both.toString());
        JsonNode latest = both.get(0);
        JsonNode earlier = both.get(1);
        assertEquals("LOCKED", latest.get("ended").asText(), "newest first, still in force: " + both);
        assertEquals("UNLOCKED", earlier.get("ended").asText(), both.toString());
        assertEquals("admin", earlier.get("unlockedBy").asText());
        assertTrue(earlier.get("endedAt").asText().compareTo(earlier.get("lockedAt").asText()) >= 0, both.toString());
        assertTrue(latest.get("lockedAt").asText().compareTo(earlier.get("endedAt").asText()) >= 0, both.toString());
        for (JsonNode lockout : both) {
            assertEquals(userId, lockout.get("userId").asText());
            assertEquals("lena", lockout.get("username").asText());
            assertEquals("127.0.0.1", lockout.get("ipAddress").asText());
            assertEquals(3, lockout.get("failures").asInt());
            assertFalse(lockout.get("permanent").asBoolean());
        }
    }

    @Test
    void anUnlockThroughKeycloaksOwnAdminApiEndsTheLockoutToo() {
        String userId = realm.createUser("mona", PASSWORD);
        lockOut("mona");
        Response cleared = api.delete(realm.adminPath() + "/attack-detection/brute-force/users/" + userId,
                api.masterAdminToken());
        assertEquals(204, cleared.status(), cleared.body());
        new AuditLog(api, realm.name()).awaitEvent("auth.account_unlocked", "mona");

        JsonNode history = history(api.masterAdminToken());
        assertEquals(1, history.size(), history.toString());
        assertEquals("UNLOCKED", history.get(0).get("ended").asText(), history.toString());
        assertEquals("admin", history.get(0).get("unlockedBy").asText());
    }

    @Test
    void aLockoutWhoseWaitRanOutHasExpired() {
        // the policy's shortest wait is 15 minutes; Keycloak's own brute-force settings allow a 2-second one
        realm.update(Map.of("waitIncrementSeconds", 2, "maxFailureWaitSeconds", 2));
        realm.createUser("nora", PASSWORD);
        lockOut("nora");
        JsonNode locked = api.get(lockouts(), api.masterAdminToken()).json();
        assertEquals(1, locked.size(), locked.toString());
        ServerClock.awaitPast(Instant.parse(locked.get(0).get("until").asText()).plusSeconds(1));

        JsonNode history = history(api.masterAdminToken());
        assertEquals(1, history.size(), history.toString());
        assertEquals("EXPIRED", history.get(0).get("ended").asText(), history.toString());
        assertTrue(history.get(0).get("unlockedBy").isNull());
    }

    @Test
    void whoWhereAndByWhomOnlyForThoseWhoMayViewUsers() {
        String userId = realm.createUser("olga", PASSWORD);
        RealmManagementRoles.grant(api, realm.name(), realm.createUser("viewer", PASSWORD), "view-realm");
        RealmManagementRoles.grant(api, realm.name(), realm.createUser("helpdesk", PASSWORD),
                "view-realm", "view-users");
        RealmManagementRoles.grant(api, realm.name(), realm.createUser("usersonly", PASSWORD), "view-users");
        lockOut("olga");
        assertEquals(200, api.post(lockouts() + "/" + userId + "/unlock", api.masterAdminToken(), "").status());
        new AuditLog(api, realm.name()).awaitEvent("auth.account_unlocked", "olga");

        Response redacted = api.get(historyPath(), api.token(realm.name(), "viewer", PASSWORD));
        assertEquals(200, redacted.status(), redacted.body());
        JsonNode hidden = redacted.json().get(0);
        for (String personal : new String[]{"userId", "username", "ipAddress", "unlockedBy"}) {
            assertTrue(hidden.get(personal).isNull(), personal + " without view-users: " + hidden);
        }
        assertEquals("UNLOCKED", hidden.get("ended").asText(), "how it ended is still shown: " + hidden);
        assertFalse(redacted.body().contains("olga") || redacted.body().contains("127.0.0.1")
                || redacted.body().contains("\"admin\""), redacted.body());

        JsonNode shown = history(api.token(realm.name(), "helpdesk", PASSWORD)).get(0);
        assertEquals("olga", shown.get("username").asText());
        assertEquals("127.0.0.1", shown.get("ipAddress").asText());
        assertEquals("admin", shown.get("unlockedBy").asText());

        assertEquals(403, api.get(historyPath(), api.token(realm.name(), "usersonly", PASSWORD)).status(),
                "the history is part of the realm's security settings: view-realm");
    }

    /** Three wrong passwords, then waits for this lockout's event (recorded just after the response). */
    private void lockOut(String username) {
        Instant before = Instant.now();
        for (int i = 0; i < 3; i++) {
            assertEquals(400, api.passwordGrant(realm.name(), username, "wrong-" + i).status());
        }
        new AuditLog(api, realm.name()).awaitEvent("auth.account_locked", username,
                event -> !Instant.parse(event.get("time").asText()).isBefore(before));
    }

    private JsonNode history(String token) {
        Response response = api.get(historyPath(), token);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private String policy() {
        return realm.adminPath() + "/security-center/policy";
    }

    private String lockouts() {
        return realm.adminPath() + "/security-center/lockouts";
    }

    private String historyPath() {
        return lockouts() + "/history";
    }
}
