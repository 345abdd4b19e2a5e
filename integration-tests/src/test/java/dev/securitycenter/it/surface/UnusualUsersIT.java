package dev.securitycenter.it.surface;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two users with one email, users deleted or disabled under a live token: every endpoint answers, none with 5xx. */
@ExtendWith(KeycloakTestServer.class)
class UnusualUsersIT {

    private static final String PASSWORD = "Correct-Horse-42!";

    private final KeycloakApi api = KeycloakTestServer.api();
    private GreenMail smtp;
    private TestRealm realm;

    @BeforeEach
    void realmWithMail() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        realm = TestRealm.create(api, "unusual-users", Map.of("duplicateEmailsAllowed", true,
                "loginWithEmailAllowed", false, "accessTokenLifespan", 1800));
        realm.useSmtp(smtp.getSmtp().getPort());
        assertEquals(200, api.post(admin("/policy/defaults"), api.masterAdminToken(), "").status());
        realm.changePolicy(p -> p.withObjectProperty("lockout").put("maxFailures", 3).put("durationMinutes", 15)
                .put("emailUser", true));
    }

    @AfterEach
    void cleanUp() {
        realm.close();
        smtp.stop();
    }

    @Test
    void twoUsersWithOneEmailGetTheirMailsAndNothingFails() throws Exception {
        String first = realm.createUser("twin-a", PASSWORD);
        String second = realm.createUser("twin-b", PASSWORD);
        Response shared = api.put(realm.adminPath() + "/users/" + second, api.masterAdminToken(),
                Map.of("email", "twin-a@example.test"));
        assertEquals(204, shared.status(), shared.body());

        for (int i = 0; i < 3; i++) {
            assertTrue(api.passwordGrant(realm.name(), "twin-a", "wrong-" + i).status() < 500);
        }
        new AuditLog(api, realm.name()).awaitEvent("auth.account_locked", "twin-a");
        assertTrue(smtp.waitForIncomingEmail(15_000, 1), "the lockout mail goes out");
        assertEquals("Your account has been locked", smtp.getReceivedMessages()[0].getSubject());

        Response reminders = api.post(admin("/mfa/reminders"), api.masterAdminToken(), "");
        assertEquals(200, reminders.status(), reminders.body());
        assertEquals(2, reminders.json().get("recipients").asInt(), "each of the two users is reminded");
        assertTrue(smtp.waitForIncomingEmail(15_000, 3));

        Response lockouts = api.get(admin("/lockouts"), api.masterAdminToken());
        assertEquals(200, lockouts.status(), lockouts.body());
        assertEquals("twin-a", lockouts.json().get(0).get("username").asText());
        assertEquals(200, api.get(admin("/mfa/status"), api.masterAdminToken()).status());
        assertEquals(200, api.get(admin("/audit?user=twin-a"), api.masterAdminToken()).status());
        assertEquals(200, api.post(admin("/lockouts/" + first + "/unlock"), api.masterAdminToken(), "").status());
        assertEquals(200, api.get(account(""), api.token(realm.name(), "twin-b", PASSWORD)).status());
    }

    @Test
    void aDeletedUsersTokenIsRefusedEverywhereAndAdminsSeeTheirHistory() {
        String id = realm.createUser("gone", PASSWORD);
        String token = api.token(realm.name(), "gone", PASSWORD);
        assertEquals(204, api.delete(realm.adminPath() + "/users/" + id, api.masterAdminToken()).status());

        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Function<String, Response>> call : accountCalls().entrySet()) {
            int status = call.getValue().apply(token).status();
            if (status != 401) {
                wrong.add(call.getKey() + " → " + status);
            }
        }
        assertTrue(wrong.isEmpty(), "a deleted user is nobody: " + wrong);
        assertEquals(404, api.post(admin("/lockouts/" + id + "/unlock"), api.masterAdminToken(), "").status());
        Response history = api.get(admin("/audit?user=" + id), api.masterAdminToken());
        assertEquals(200, history.status(), history.body());
        assertFalse(history.json().isEmpty(), "the deleted user's sign-in stays in the log");
        assertEquals(200, api.get(admin("/lockouts"), api.masterAdminToken()).status());
    }

    @Test
    void aDisabledUsersTokenIsRefusedAndUnlockDoesNotEnableThem() {
        String id = realm.createUser("off", PASSWORD);
        String token = api.token(realm.name(), "off", PASSWORD);
        assertEquals(204, api.put(realm.adminPath() + "/users/" + id, api.masterAdminToken(),
                Map.of("enabled", false)).status());

        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Function<String, Response>> call : accountCalls().entrySet()) {
            int status = call.getValue().apply(token).status();
            if (status != 401) {
                wrong.add(call.getKey() + " → " + status);
            }
        }
        assertTrue(wrong.isEmpty(), "a disabled user acts no more: " + wrong);
        Response unlock = api.post(admin("/lockouts/" + id + "/unlock"), api.masterAdminToken(), "");
        assertEquals(200, unlock.status(), unlock.body());
        assertFalse(unlock.json().get("unlocked").asBoolean());
        assertFalse(api.get(realm.adminPath() + "/users/" + id, api.masterAdminToken()).json().get("enabled")
                .asBoolean(), "an admin's disabling is not a lockout to clear");
        assertEquals(200, api.get(admin("/lockouts"), api.masterAdminToken()).status());
        assertEquals(200, api.get(admin("/mfa/status"), api.masterAdminToken()).status());
        assertEquals(200, api.post(admin("/mfa/reminders?dryRun=true"), api.masterAdminToken(), "").status());
    }

    private Map<String, Function<String, Response>> accountCalls() {
        return Map.of(
                "GET /", t -> api.get(account(""), t),
                "POST /password", t -> api.post(account("/password"), t, Map.of("currentPassword", PASSWORD,
                        "newPassword", "Another-Horse-43!", "confirmation", "Another-Horse-43!")),
                "POST /mfa/totp", t -> api.post(account("/mfa/totp"), t, ""),
                "POST /mfa/totp/verify", t -> api.post(account("/mfa/totp/verify"), t, Map.of("code", "123456")),
                "POST /mfa/recovery-codes", t -> api.post(account("/mfa/recovery-codes"), t, Map.of("code", "1")),
                "DELETE /mfa", t -> api.delete(account("/mfa"), t, Map.of("code", "1")),
                "GET /sessions", t -> api.get(account("/sessions"), t),
                "POST /sessions/terminate-all", t -> api.post(account("/sessions/terminate-all"), t, ""),
                "GET /activity", t -> api.get(account("/activity"), t));
    }

    private String admin(String path) {
        return realm.adminPath() + "/security-center" + path;
    }

    private String account(String path) {
        return "/realms/" + realm.name() + "/security-center/account" + path;
    }
}
