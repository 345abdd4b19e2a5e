package dev.securitycenter.it.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Sql;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Profile ▸ Security ▸ Password through {@code POST /account/password}, against the realm's real policy. */
@ExtendWith(KeycloakTestServer.class)
class AccountPasswordIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final String NEW_PASSWORD = "Battery-Staple-77?";
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36";

    private static KeycloakApi api;
    private static TestRealm realm;

    @BeforeAll
    static void realmWithDefaults() {
        api = KeycloakTestServer.api();
        realm = TestRealm.create(api, "account-password", Map.of());
        // the spec's defaults: 12 characters, all four classes, no reuse of the last 5, lockout after 5 failures
        assertEquals(200, api.post(realm.adminPath() + "/security-center/policy/defaults", api.masterAdminToken(), "")
                .status());
    }

    @AfterAll
    static void deleteRealm() {
        realm.close();
    }

    @Test
    void everyFailingRuleIsListedByName() {
        realm.createUser("amy", PASSWORD);
        String token = api.token(realm.name(), "amy", PASSWORD);

        Response weak = change(token, PASSWORD, "abc", "abc");
        assertEquals(400, weak.status(), weak.body());
        assertEquals(Set.of("length", "upperCase", "digits", "specialChars"), rules(weak, "newPassword"));
        for (JsonNode error : weak.json().get("errors")) {
            assertFalse(error.get("message").asText().isBlank(), error.toString());
        }

        Response reused = change(token, PASSWORD, PASSWORD, PASSWORD);
        assertEquals(400, reused.status(), reused.body());
        assertEquals(Set.of("passwordHistory"), rules(reused, "newPassword"), "the current password is history");
        assertEquals(200, api.passwordGrant(realm.name(), "amy", PASSWORD).status(), "nothing was changed");
    }

    @Test
    void confirmationMustMatchAndFieldsAreRequired() {
        realm.createUser("ben", PASSWORD);
        String token = api.token(realm.name(), "ben", PASSWORD);

        Response mismatch = change(token, PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x");
        assertEquals(400, mismatch.status(), mismatch.body());
        assertEquals(Set.of("matches"), rules(mismatch, "confirmation"));

        Response empty = api.post(path(), token, Map.of());
        assertEquals(400, empty.status(), empty.body());
        assertEquals(3, empty.json().get("errors").size(), empty.body());
        assertEquals(200, api.passwordGrant(realm.name(), "ben", PASSWORD).status());
    }

    @Test
    void aWrongCurrentPasswordIsAFailedLoginAndALockedUserIsRefused() {
        String id = realm.createUser("cat", PASSWORD);
        String token = api.token(realm.name(), "cat", PASSWORD);

        Response wrong = change(token, "not-my-password", NEW_PASSWORD, NEW_PASSWORD);
        assertEquals(400, wrong.status(), wrong.body());
        assertEquals(Set.of("correct"), rules(wrong, "currentPassword"));
        assertTrue(realm.awaitBruteForce(id, state -> state.get("numFailures").asInt() >= 1), "the brute-force protector counted it");

        for (int i = 0; i < 5; i++) {
            change(token, "not-my-password-" + i, NEW_PASSWORD, NEW_PASSWORD);
        }
        assertTrue(realm.awaitBruteForce(id, state -> state.get("disabled").asBoolean()), "locked after the realm's 5 failures");
        Response locked = change(token, PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
        assertEquals(403, locked.status(), locked.body());
        api.delete(realm.adminPath() + "/attack-detection/brute-force/users/" + id, api.masterAdminToken());
        assertEquals(200, api.passwordGrant(realm.name(), "cat", PASSWORD).status(), "the password is unchanged");
    }

    @Test
    void aChangeEndsEveryOtherSessionAndKeepsTheCallersOne() throws SQLException {
        String id = realm.createUser("dan", PASSWORD);
        BrowserSession browser = new BrowserSession(api.baseUrl(), realm.name(), UA);
        String caller = browser.tokens(browser.signIn("dan", PASSWORD)).get("access_token").asText();
        Response other = api.passwordGrant(realm.name(), "dan", PASSWORD);
        Response offline = api.offlineGrant(realm.name(), "dan", PASSWORD);
        assertEquals(200, offline.status(), offline.body());

        Response changed = change(caller, PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
        assertEquals(200, changed.status(), changed.body());
        assertEquals(2, changed.json().get("terminatedSessions").asInt());

        assertEquals(200, api.get(accountPath(), caller).status(), "the caller's session stays valid");
        assertEquals(400, api.refresh(realm.name(), other.json().get("refresh_token").asText()).status(),
                "the other online session ended");
        assertEquals(400, api.refresh(realm.name(), offline.json().get("refresh_token").asText()).status(),
                "the offline session ended");
        assertNotEquals(200, api.passwordGrant(realm.name(), "dan", PASSWORD).status(), "the old password is gone");
        assertEquals(200, api.passwordGrant(realm.name(), "dan", NEW_PASSWORD).status());

        AuditLog audit = new AuditLog(api, realm.name());
        audit.awaitEvent("auth.password_changed", "dan");
        audit.awaitEvent("auth.session_revoked", "dan", e -> "password_changed".equals(e.at("/details/reason").asText()));
        assertEquals(List.of("16:ULDS"), Sql.userAttribute(id, "securityCenter.passwordCompliance"),
                "the new password's compliance levels are recorded");
    }

    @Test
    void overviewShowsTheRulesAndTheRotationDate() {
        realm.createUser("eve", PASSWORD);
        JsonNode overview = api.get(accountPath(), api.token(realm.name(), "eve", PASSWORD)).json();

        assertEquals(12, overview.at("/password/rules/minLength").asInt());
        assertTrue(overview.at("/password/rules/requireSpecial").asBoolean());
        assertFalse(overview.at("/password/managedBySso").asBoolean());
        java.time.Instant changed = java.time.Instant.parse(overview.at("/password/lastChanged").asText());
        assertEquals(changed.plus(java.time.Duration.ofDays(90)),
                java.time.Instant.parse(overview.at("/password/rotationDue").asText()));
        assertFalse(overview.at("/password/rotationOverdue").asBoolean());
        assertFalse(overview.at("/twoFactor/enabled").asBoolean());
        assertTrue(overview.get("locationAttribution").asText().contains("DB-IP"));
    }

    @Test
    void ssoUsersHaveNoPasswordToChangeHere() {
        try (TestRealm sso = TestRealm.create(api, "account-sso", Map.of())) {
            String fay = sso.createUser("fay", PASSWORD);
            String token = api.token(sso.name(), "fay", PASSWORD);
            String policy = sso.adminPath() + "/security-center/policy";
            assertEquals(200, api.post(policy + "/defaults", api.masterAdminToken(), "").status());
            sso.addIdentityProvider("corporate", "Corporate SSO");
            ObjectNode doc = (ObjectNode) api.get(policy, api.masterAdminToken()).json();
            doc.withObjectProperty("sso").put("required", true);
            Response saved = api.put(policy, api.masterAdminToken(), doc);
            assertEquals(200, saved.status(), saved.body());

            String account = "/realms/" + sso.name() + "/security-center/account";
            assertTrue(api.get(account, token).json().at("/password/managedBySso").asBoolean());
            String credentials = sso.adminPath() + "/users/" + fay + "/credentials";
            long passwordSetAt = api.get(credentials, api.masterAdminToken()).json().get(0).get("createdDate")
                    .asLong();
            Response refused = api.post(account + "/password", token, Map.of("currentPassword", PASSWORD,
                    "newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
            assertEquals(403, refused.status(), refused.body());
            assertEquals(passwordSetAt, api.get(credentials, api.masterAdminToken()).json().get(0).get("createdDate")
                    .asLong(), "unchanged");
        }
    }

    private static Set<String> rules(Response response, String field) {
        List<JsonNode> errors = StreamSupport.stream(response.json().get("errors").spliterator(), false).toList();
        assertTrue(errors.stream().allMatch(e -> field.equals(e.get("field").asText())), response.body());
        return errors.stream().map(e -> e.get("rule").asText()).collect(Collectors.toSet());
    }

    private static Response change(String token, String current, String password, String confirmation) {
        return api.post(path(), token, Map.of("currentPassword", current, "newPassword", password,
                "confirmation", confirmation));
    }

    private static String accountPath() {
        return "/realms/" + realm.name() + "/security-center/account";
    }

    private static String path() {
        return accountPath() + "/password";
    }
}
