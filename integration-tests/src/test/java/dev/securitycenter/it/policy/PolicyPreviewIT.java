package dev.securitycenter.it.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.RealmManagementRoles;
import dev.securitycenter.it.support.Sql;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static dev.securitycenter.it.support.PreviewWarnings.warning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Previews count real users and sessions, and change nothing. */
@ExtendWith(KeycloakTestServer.class)
class PolicyPreviewIT {

    private static final String PASSWORD = "Correct-Horse-42!";

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;

    @BeforeEach
    void configuredRealm() {
        realm = TestRealm.create(api, "policy-preview", Map.of(
                "roles", Map.of("realm", List.of(Map.of("name", "Admin"), Map.of("name", "Super Admin")))));
        assertEquals(200, api.post(policy() + "/defaults", api.masterAdminToken(), "").status());
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void requiringTwoFactorCountsThoseWhoMustSetItUp() {
        realm.createUserWithTotp("olga", PASSWORD, "OlgasSecretForTotp01");
        String admin = realm.createUser("pat", PASSWORD);
        realm.createUser("quinn", PASSWORD);
        realm.createUser("rosa", PASSWORD);
        assertEquals(204, api.post(realm.adminPath() + "/users/" + admin + "/role-mappings/realm",
                api.masterAdminToken(), List.of(api.get(realm.adminPath() + "/roles/Admin", api.masterAdminToken())
                        .json())).status());

        ObjectNode all = current();
        all.withObjectProperty("mfa").put("enforcement", "REQUIRED_ALL");
        JsonNode allWarning = warning(preview(all), "MFA_REQUIRED_ALL");
        assertEquals(3, allWarning.get("count").asInt());
        assertTrue(allWarning.get("message").asText().contains("force 3 users"));

        ObjectNode admins = current();
        admins.withObjectProperty("mfa").put("enforcement", "REQUIRED_ADMINS");
        assertEquals(1, warning(preview(admins), "MFA_REQUIRED_ADMINS").get("count").asInt(), "only pat");
    }

    @Test
    void strongerPasswordPolicyCountsUsersWhosePasswordNoLongerComplies() throws Exception {
        String shortOne = realm.createUser("uwe", PASSWORD);
        String longOne = realm.createUser("vera", PASSWORD);
        realm.createUser("walt", PASSWORD);
        resetPassword(shortOne, "Shorter-Pass-12");
        resetPassword(longOne, "A-Much-Longer-Pass-2026!");
        assertEquals("14:ULDS", attribute(shortOne), "only the option levels are kept");
        assertEquals("20:ULDS", attribute(longOne));

        ObjectNode doc = current();
        doc.withObjectProperty("password").put("minLength", 16);
        JsonNode result = preview(doc);
        JsonNode stronger = warning(result, "PASSWORD_POLICY_STRONGER");
        assertEquals(1, stronger.get("count").asInt());
        assertEquals("1 user has a password that does not meet the new policy. They'll be forced to reset on next"
                + " login.", stronger.get("message").asText());
        assertEquals(1, warning(result, "PASSWORD_COMPLIANCE_UNKNOWN").get("count").asInt(),
                "walt's password was set before the realm was set up");
    }

    @Test
    void lowerSessionLimitAndShorterIdleCountSessions() {
        realm.createUser("sam", PASSWORD);
        realm.createUser("tess", PASSWORD);
        for (int i = 0; i < 3; i++) {
            api.token(realm.name(), "sam", PASSWORD);
        }
        api.token(realm.name(), "tess", PASSWORD);

        ObjectNode doc = current();
        doc.withObjectProperty("sessions").put("maxConcurrentSessions", 1).put("idleTimeoutMinutes", 15);
        JsonNode result = preview(doc);
        JsonNode excess = warning(result, "SESSIONS_OVER_LIMIT");
        assertEquals(2, excess.get("count").asInt());
        assertEquals("2 sessions will be terminated immediately.", excess.get("message").asText());
        assertEquals(0, warning(result, "IDLE_TIMEOUT_SHORTER").get("count").asInt(),
                "every session was active a moment ago");
        assertEquals(3, api.get(realm.adminPath() + "/users/" + userId("sam") + "/sessions",
                api.masterAdminToken()).json().size(), "a preview ends no session");
    }

    @Test
    void riskySettingsGetTheSpecsWarnings() {
        ObjectNode doc = current();
        doc.withObjectProperty("sessions").putNull("idleTimeoutMinutes");
        doc.withObjectProperty("lockout").putNull("durationMinutes");
        doc.withObjectProperty("ipAllowlist").put("enabled", true).putArray("entries").addObject().put("value", "10.0.0.0/24");
        // the realm's own admin is subject to its list, so their address would be added on save
        String userId = realm.createUser("ruth", PASSWORD);
        RealmManagementRoles.grant(api, realm.name(), userId, "realm-admin");
        JsonNode result = preview(doc, api.token(realm.name(), "ruth", PASSWORD));
        assertEquals("Not recommended for security.", warning(result, "IDLE_TIMEOUT_NEVER").get("message").asText());
        assertEquals("Admins must manually unlock all locked accounts.",
                warning(result, "LOCKOUT_MANUAL_UNLOCK").get("message").asText());
        assertEquals("Only listed IPs can access the system. Your current IP (127.0.0.1) will be added automatically.",
                warning(result, "ALLOWLIST_ENABLE").get("message").asText());
        assertEquals(0, result.get("errors").size());
        // a master-realm admin is exempt from a tenant's list: nothing of theirs is added
        assertEquals("Only listed IPs can access the system.",
                warning(preview(doc), "ALLOWLIST_ENABLE").get("message").asText());
        assertFalse(api.get(policy(), api.masterAdminToken()).json().at("/ipAllowlist/enabled").asBoolean());
    }

    @Test
    void brokenDocumentGetsItsErrorsInThePreview() {
        ObjectNode doc = current();
        doc.withObjectProperty("password").put("minLength", 4);
        Response response = api.post(policy() + "/preview", api.masterAdminToken(), doc);
        assertEquals(200, response.status());
        assertEquals("password.minLength", response.json().at("/errors/0/field").asText());
    }

    private void resetPassword(String userId, String password) {
        assertEquals(204, api.put(realm.adminPath() + "/users/" + userId + "/reset-password", api.masterAdminToken(),
                Map.of("type", "password", "value", password, "temporary", false)).status());
    }

    /** Read with SQL: the attribute is not part of the user profile, so Keycloak's APIs do not show it. */
    private static String attribute(String userId) throws Exception {
        return (String) Sql.column("select VALUE from USER_ATTRIBUTE where USER_ID = ? and NAME = ?", userId,
                "securityCenter.passwordCompliance").get(0);
    }

    private String userId(String username) {
        return api.get(realm.adminPath() + "/users?exact=true&username=" + username, api.masterAdminToken())
                .json().get(0).get("id").asText();
    }

    private ObjectNode current() {
        return (ObjectNode) api.get(policy(), api.masterAdminToken()).json();
    }

    private JsonNode preview(JsonNode doc) {
        return preview(doc, api.masterAdminToken());
    }

    private JsonNode preview(JsonNode doc, String token) {
        Response response = api.post(policy() + "/preview", token, doc);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private String policy() {
        return realm.adminPath() + "/security-center/policy";
    }
}
