package dev.securitycenter.it.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.BrowserSession.Page;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import dev.securitycenter.it.support.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each audit event type appears after the real action that causes it, through Keycloak's own pages and APIs. */
@ExtendWith(KeycloakTestServer.class)
class AuditEventsIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36";

    private static KeycloakApi api;
    private static TestRealm realm;
    private static AuditLog audit;

    @BeforeAll
    static void createRealm() {
        api = KeycloakTestServer.api();
        realm = TestRealm.create(api, "audit-events", Map.of(
                "bruteForceProtected", true,
                "failureFactor", 3,
                "waitIncrementSeconds", 60,
                "maxFailureWaitSeconds", 60,
                "quickLoginCheckMilliSeconds", 1,
                "minimumQuickLoginWaitSeconds", 1));
        audit = new AuditLog(api, realm.name());
    }

    @AfterAll
    static void deleteRealm() {
        realm.close();
    }

    @Test
    void successfulSignInIsRecordedWithClientAndAddress() {
        realm.createUser("alice", PASSWORD);
        api.token(realm.name(), "alice", PASSWORD);

        JsonNode event = audit.awaitEvent("auth.login_succeeded", "alice");
        assertEquals("admin-cli", event.get("clientId").asText());
        assertEquals("127.0.0.1", event.get("ipAddress").asText());
        assertEquals("alice", event.get("actorUsername").asText());
    }

    @Test
    void wrongPasswordAndUnknownUserAreRecordedAsFailedSignIns() {
        realm.createUser("bob", PASSWORD);
        assertEquals(400, passwordGrant("bob", "wrong-password").status());
        assertEquals(400, passwordGrant("nobody-here", "wrong-password").status());

        JsonNode wrong = audit.awaitEvent("auth.login_failed", "bob");
        assertEquals("invalid_user_credentials", wrong.at("/details/error").asText());
        assertTrue(wrong.get("actorId").isNull(), "a failed attempt has no proven actor");

        JsonNode unknown = audit.awaitEvent("auth.login_failed", null,
                e -> "nobody-here".equals(e.at("/details/attemptedUsername").asText()));
        assertTrue(unknown.get("userId").isNull());
    }

    @Test
    void lockoutAndAdminUnlockAreRecorded() {
        String userId = realm.createUser("carol", PASSWORD);
        for (int i = 0; i < 3; i++) {
            passwordGrant("carol", "wrong-" + i);
            // This realm keeps Keycloak's stock direct grant, which records each failure in a transaction of its
            // own after the response; waiting for each keeps the count independent of how they interleave.
            int recorded = i + 1;
            assertTrue(realm.awaitBruteForce(userId, state -> state.path("numFailures").asInt() >= recorded
                    || state.path("disabled").asBoolean()), "failure " + recorded + " recorded");
        }
        JsonNode locked = audit.awaitEvent("auth.account_locked", "carol");
        assertFalse(locked.at("/details/permanent").asBoolean());
        assertEquals(3, locked.at("/details/failures").asInt());

        Response unlock = api.delete(realm.adminPath() + "/attack-detection/brute-force/users/" + userId,
                api.masterAdminToken());
        assertEquals(204, unlock.status(), unlock.body());
        JsonNode unlocked = audit.awaitEvent("auth.account_unlocked", "carol");
        assertEquals("admin", unlocked.get("actorUsername").asText());
    }

    @Test
    void passwordChangedAtSignInAndByAnAdminAreRecorded() {
        String userId = realm.createUser("dave", PASSWORD);
        api.put(realm.adminPath() + "/users/" + userId, api.masterAdminToken(),
                Map.of("requiredActions", List.of("UPDATE_PASSWORD")));

        BrowserSession browser = new BrowserSession(api.baseUrl(), realm.name(), UA);
        Page update = browser.signIn("dave", PASSWORD);
        assertTrue(update.hasField("password-new"), update.body());
        Page done = update.submit(Map.of("password-new", "Brand-New-Pass-77!", "password-confirm",
                "Brand-New-Pass-77!"));
        browser.tokens(done);

        JsonNode self = audit.awaitEvent("auth.password_changed", "dave");
        assertEquals("dave", self.get("actorUsername").asText());

        Response reset = api.put(realm.adminPath() + "/users/" + userId + "/reset-password", api.masterAdminToken(),
                Map.of("type", "password", "value", "Admin-Set-Pass-88!", "temporary", false));
        assertEquals(204, reset.status(), reset.body());
        JsonNode byAdmin = audit.awaitEvent("auth.password_changed", "dave",
                e -> "admin".equals(e.path("actorUsername").asText()));
        assertTrue(byAdmin.at("/details/byAdmin").asBoolean());
    }

    @Test
    void totpEnrolmentAndRemovalAreRecorded() {
        String userId = realm.createUser("erin", PASSWORD);
        api.put(realm.adminPath() + "/users/" + userId, api.masterAdminToken(),
                Map.of("requiredActions", List.of("CONFIGURE_TOTP")));

        BrowserSession browser = new BrowserSession(api.baseUrl(), realm.name(), UA);
        Page setup = browser.signIn("erin", PASSWORD);
        String secret = setup.fieldValue("totpSecret");
        Page done = setup.submit(Map.of("totp", Totp.code(secret), "totpSecret", secret, "userLabel", "Phone"));
        String accessToken = browser.tokens(done).get("access_token").asText();

        JsonNode enabled = audit.awaitEvent("auth.2fa_enabled", "erin");
        assertEquals("erin", enabled.get("actorUsername").asText());
        assertEquals("TOTP", enabled.at("/details/method").asText());

        Response credentials = api.get("/realms/" + realm.name() + "/account/credentials?type=otp", accessToken);
        assertEquals(200, credentials.status(), credentials.body());
        String credentialId = credentials.json().get(0).at("/userCredentialMetadatas/0/credential/id").asText();
        assertEquals(204, api.delete("/realms/" + realm.name() + "/account/credentials/" + credentialId,
                accessToken).status());

        JsonNode disabled = audit.awaitEvent("auth.2fa_disabled", "erin");
        assertEquals("TOTP", disabled.at("/details/method").asText());
    }

    @Test
    void passwordPolicyChangedInTheStockAdminApiIsAPolicyUpdate() {
        realm.update(Map.of("passwordPolicy", "length(14) and digits(1)"));

        JsonNode updated = audit.awaitEvent("policy.updated", null,
                e -> e.at("/details/changes").toString().contains("password.minLength"));
        assertEquals("admin", updated.get("actorUsername").asText());
        JsonNode minLength = null;
        for (JsonNode change : updated.at("/details/changes")) {
            if ("password.minLength".equals(change.get("field").asText())) {
                minLength = change;
            }
        }
        assertTrue(minLength != null && minLength.get("from").isNull(), String.valueOf(minLength));
        assertEquals(14, minLength.get("to").asInt());
    }

    @Test
    void realmChangeOutsideThePolicyIsNotAPolicyUpdate() {
        int before = audit.events("type=policy.updated").size();
        realm.update(Map.of("displayName", "Renamed " + System.nanoTime()));
        realm.update(Map.of("ssoSessionIdleTimeout", 1800 + 60 * (int) (System.nanoTime() % 5 + 1)));

        List<JsonNode> after = audit.events("type=policy.updated");
        assertEquals(before + 1, after.size(), "only the idle timeout change is a policy change: " + after);
        assertTrue(after.get(0).at("/details/changes").toString().contains("sessions.idleTimeoutMinutes"));
    }

    private Response passwordGrant(String username, String password) {
        return api.passwordGrant(realm.name(), username, password);
    }
}
