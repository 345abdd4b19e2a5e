package dev.securitycenter.it.password;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.BrowserSession.Page;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Sql;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A password the current policy no longer accepts must be changed at the next sign-in. */
@ExtendWith(KeycloakTestServer.class)
class PasswordAtSignInIT {

    private static final String OLD_PASSWORD = "Short-Pass-12!";
    private static final String NEW_PASSWORD = "A-Longer-Pass-2026!";
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36";

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;
    private String userId;

    @BeforeEach
    void realmWithAUserWhosePasswordWillBeTooShort() {
        realm = TestRealm.create(api, "password-signin", Map.of());
        userId = realm.createUser("sara", OLD_PASSWORD);
        assertEquals(200, api.post(policy() + "/defaults", api.masterAdminToken(), "").status());
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void compliantSignInRecordsTheLevelsAndAsksNothing() throws Exception {
        assertEquals(0, Sql.column("select VALUE from USER_ATTRIBUTE where USER_ID = ? and NAME = ?", userId,
                "securityCenter.passwordCompliance").size(), "set before the realm was set up: unknown");
        BrowserSession browser = new BrowserSession(api.baseUrl(), realm.name(), UA);
        Page done = browser.signIn("sara", OLD_PASSWORD);
        assertTrue(done.code() != null, "no extra step: " + done.body());
        assertEquals("14:ULDS", Sql.column("select VALUE from USER_ATTRIBUTE where USER_ID = ? and NAME = ?",
                userId, "securityCenter.passwordCompliance").get(0));
    }

    @Test
    void strongerPolicyMakesTheBrowserUserChangeThePassword() {
        raiseMinimumTo(16);

        BrowserSession browser = new BrowserSession(api.baseUrl(), realm.name(), UA);
        Page update = browser.signIn("sara", OLD_PASSWORD);
        assertTrue(update.hasField("password-new"), "asked for a new password: " + update.body());
        Page tooShort = update.submit(Map.of("password-new", "Still-Short-1!", "password-confirm", "Still-Short-1!"));
        assertTrue(tooShort.hasField("password-new"), "the new one must meet the policy too");
        Page done = tooShort.submit(Map.of("password-new", NEW_PASSWORD, "password-confirm", NEW_PASSWORD));
        browser.tokens(done);

        new AuditLog(api, realm.name()).awaitEvent("auth.password_changed", "sara");
        assertEquals(200, grant(NEW_PASSWORD).status());
    }

    @Test
    void scriptWithANonCompliantPasswordIsRefusedUntilItIsChanged() {
        raiseMinimumTo(16);

        Response refused = grant(OLD_PASSWORD);
        assertEquals(400, refused.status(), refused.body());
        assertEquals("Account is not fully set up", refused.json().get("error_description").asText());

        assertEquals(204, api.put(realm.adminPath() + "/users/" + userId + "/reset-password",
                api.masterAdminToken(), Map.of("type", "password", "value", NEW_PASSWORD, "temporary", false))
                .status());
        assertFalse(api.get(realm.adminPath() + "/users/" + userId, api.masterAdminToken()).json()
                .get("requiredActions").toString().contains("UPDATE_PASSWORD"), "a new password clears it");
        assertEquals(200, grant(NEW_PASSWORD).status());
    }

    private void raiseMinimumTo(int length) {
        ObjectNode doc = (ObjectNode) api.get(policy(), api.masterAdminToken()).json();
        doc.withObjectProperty("password").put("minLength", length);
        assertEquals(200, api.put(policy(), api.masterAdminToken(), doc).status());
    }

    private Response grant(String password) {
        return api.passwordGrant(realm.name(), "sara", password);
    }

    private String policy() {
        return realm.adminPath() + "/security-center/policy";
    }
}
