package dev.securitycenter.it.lockout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.RealmManagementRoles;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Locked users are listed with their lockout, and an admin's unlock lets them sign in again. */
@ExtendWith(KeycloakTestServer.class)
class LockoutsIT {

    private static final String PASSWORD = "Correct-Horse-42!";

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;

    @BeforeEach
    void createRealm() {
        realm = TestRealm.create(api, "lockouts", Map.of());
        assertEquals(200, api.post(policy() + "/defaults", api.masterAdminToken(), "").status());
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void temporaryLockoutIsListedAndUnlockLetsTheUserBackIn() {
        setLockout(3, 30);
        String userId = realm.createUser("lena", PASSWORD);
        failSignIns("lena", 3);
        new AuditLog(api, realm.name()).awaitEvent("auth.account_locked", "lena");
        assertEquals(400, grant("lena", PASSWORD).status(), "locked: even the right password is refused");

        JsonNode locked = lockouts();
        assertEquals(1, locked.size(), locked.toString());
        assertEquals("lena", locked.get(0).get("username").asText());
        assertFalse(locked.get(0).get("permanent").asBoolean());
        assertEquals(3, locked.get(0).get("failures").asInt());
        assertTrue(locked.get(0).get("until").asText().endsWith("Z"));

        Response unlock = api.post(lockoutsPath() + "/" + userId + "/unlock", api.masterAdminToken(), "");
        assertEquals(200, unlock.status(), unlock.body());
        assertTrue(unlock.json().get("unlocked").asBoolean());
        assertEquals(0, lockouts().size());
        assertEquals(200, grant("lena", PASSWORD).status());
        JsonNode event = new AuditLog(api, realm.name()).awaitEvent("auth.account_unlocked", "lena");
        assertEquals("admin", event.get("actorUsername").asText());
    }

    @Test
    void manualUnlockOnlyIsAPermanentLockoutThatOnlyAnAdminClears() {
        setLockout(3, null);
        String userId = realm.createUser("mike", PASSWORD);
        failSignIns("mike", 3);
        new AuditLog(api, realm.name()).awaitEvent("auth.account_locked", "mike");

        JsonNode locked = lockouts();
        assertEquals(1, locked.size(), locked.toString());
        assertTrue(locked.get(0).get("permanent").asBoolean());
        assertTrue(locked.get(0).get("until").isNull());
        assertFalse(api.get(realm.adminPath() + "/users/" + userId, api.masterAdminToken()).json()
                .get("enabled").asBoolean(), "Keycloak disables a permanently locked user");

        assertEquals(200, api.post(lockoutsPath() + "/" + userId + "/unlock", api.masterAdminToken(), "").status());
        assertTrue(api.get(realm.adminPath() + "/users/" + userId, api.masterAdminToken()).json()
                .get("enabled").asBoolean());
        assertEquals(200, grant("mike", PASSWORD).status());
    }

    @Test
    void unlockingSomeoneWhoIsNotLockedChangesNothingAndSaysSo() {
        String userId = realm.createUser("nina", PASSWORD);
        Response unlock = api.post(lockoutsPath() + "/" + userId + "/unlock", api.masterAdminToken(), "");
        assertEquals(200, unlock.status());
        assertFalse(unlock.json().get("unlocked").asBoolean());
        assertEquals(404, api.post(lockoutsPath() + "/no-such-user/unlock", api.masterAdminToken(), "").status());
    }

    @Test
    void whoIsLockedIsShownOnlyToThoseWhoMayViewUsers() {
        setLockout(3, 30);
        realm.createUser("olga", PASSWORD);
        RealmManagementRoles.grant(api, realm.name(), realm.createUser("viewer", PASSWORD), "view-realm");
        RealmManagementRoles.grant(api, realm.name(), realm.createUser("helpdesk", PASSWORD),
                "view-realm", "view-users");
        failSignIns("olga", 3);
        new AuditLog(api, realm.name()).awaitEvent("auth.account_locked", "olga");

        Response redacted = api.get(lockoutsPath(), api.token(realm.name(), "viewer", PASSWORD));
        assertEquals(200, redacted.status(), redacted.body());
        assertEquals(1, redacted.json().size(), redacted.body());
        JsonNode hidden = redacted.json().get(0);
        for (String personal : new String[]{"userId", "username", "email", "lastFailureIp"}) {
            assertTrue(hidden.get(personal).isNull(), personal + " without view-users: " + hidden);
        }
        assertEquals(3, hidden.get("failures").asInt(), "the lockout itself is still shown");
        assertFalse(redacted.body().contains("olga") || redacted.body().contains("127.0.0.1"), redacted.body());

        Response full = api.get(lockoutsPath(), api.token(realm.name(), "helpdesk", PASSWORD));
        assertEquals(200, full.status(), full.body());
        JsonNode shown = full.json().get(0);
        assertEquals("olga", shown.get("username").asText());
        assertEquals("olga@example.test", shown.get("email").asText());
        assertEquals("127.0.0.1", shown.get("lastFailureIp").asText());
    }

    private void setLockout(int failures, Integer minutes) {
        ObjectNode doc = (ObjectNode) api.get(policy(), api.masterAdminToken()).json();
        doc.withObjectProperty("lockout").put("maxFailures", failures);
        if (minutes == null) {
            doc.withObjectProperty("lockout").putNull("durationMinutes");
        } else {
            doc.withObjectProperty("lockout").put("durationMinutes", minutes);
        }
        assertEquals(200, api.put(policy(), api.masterAdminToken(), doc).status());
    }

    private void failSignIns(String username, int times) {
        for (int i = 0; i < times; i++) {
            assertEquals(400, grant(username, "wrong-" + i).status());
        }
    }

    private Response grant(String username, String password) {
        return api.passwordGrant(realm.name(), username, password);
    }

    private JsonNode lockouts() {
        Response response = api.get(lockoutsPath(), api.masterAdminToken());
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private String policy() {
        return realm.adminPath() + "/security-center/policy";
    }

    private String lockoutsPath() {
        return realm.adminPath() + "/security-center/lockouts";
    }
}
