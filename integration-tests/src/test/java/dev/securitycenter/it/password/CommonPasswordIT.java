package dev.securitycenter.it.password;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.BrowserSession.Page;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Common passwords dressed up to pass the Acme policy's length and character rules are refused wherever Keycloak
 * sets a password, once {@code password.blockCommon} is on; a password that is now blocked must be changed.
 */
@ExtendWith(KeycloakTestServer.class)
class CommonPasswordIT {

    /** The demo realm's password policy: 12 characters of all four classes, and more. */
    private static final String ACME_POLICY = "length(12) and upperCase(1) and lowerCase(1) and digits(1)"
            + " and specialChars(1) and forceExpiredPasswordChange(90) and passwordHistory(5) and notUsername()";
    /** Each meets the Acme policy's length and classes; each is a list entry plus what people append. */
    private static final List<String> COMMON = List.of("Password123!", "P@ssw0rd2026", "Qwerty123456!", "Welcome@2026");
    private static final String GOOD = "Quartz-Lantern-Ferry-81!";
    private static final String RANDOM = "vT7#qLp2-Xw9!rZm4$Kd";
    private static final String BLOCKED_MESSAGE = "This password is too easy to guess.";
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36";

    private static KeycloakApi api;
    private static TestRealm realm;
    private static String bobId;

    @BeforeAll
    static void acmePolicyRealmWithAnOldCommonPassword() {
        api = KeycloakTestServer.api();
        realm = TestRealm.create(api, "common-passwords", Map.of("passwordPolicy", ACME_POLICY,
                "registrationAllowed", true, "loginTheme", "security-center"));
        // set while nothing blocked it, as in a realm configured before this rule existed
        bobId = realm.createUser("bob", COMMON.get(0));
        JsonNode before = api.get(policyPath(), api.masterAdminToken()).json();
        assertFalse(before.at("/password/blockCommon").asBoolean(), "a realm set up before reads it as off");
        assertEquals(200, api.post(policyPath() + "/defaults", api.masterAdminToken(), "").status());
    }

    @AfterAll
    static void deleteRealm() {
        realm.close();
    }

    @Test
    void theFieldIsKeycloaksPasswordPolicyEntryAndTheDefaultsTurnItOn() {
        assertTrue(passwordPolicyString().contains("securityCenterCommonPasswords"), passwordPolicyString());
        assertTrue(passwordPolicyString().contains("notUsername"), "the admin's other entries stay");
        try (TestRealm fresh = TestRealm.create(api, "common-defaults", Map.of())) {
            String policy = fresh.adminPath() + "/security-center/policy";
            assertFalse(api.get(policy, api.masterAdminToken()).json().at("/password/blockCommon").asBoolean());
            assertEquals(200, api.post(policy + "/defaults", api.masterAdminToken(), "").status());
            ObjectNode doc = (ObjectNode) api.get(policy, api.masterAdminToken()).json();
            assertTrue(doc.at("/password/blockCommon").asBoolean(), doc.toString());

            doc.withObjectProperty("password").put("blockCommon", false);
            Response preview = api.post(policy + "/preview", api.masterAdminToken(), doc);
            assertEquals(200, preview.status(), preview.body());
            Response off = api.put(policy, api.masterAdminToken(), doc);
            assertEquals(200, off.status(), off.body());
            assertFalse(off.json().at("/policy/password/blockCommon").asBoolean(), off.body());
            assertFalse(api.get(fresh.adminPath(), api.masterAdminToken()).json().get("passwordPolicy").asText()
                    .contains("securityCenterCommonPasswords"));

            doc.withObjectProperty("password").put("blockCommon", "yes");
            Response invalid = api.put(policy, api.masterAdminToken(), doc);
            assertEquals(400, invalid.status(), invalid.body());
            assertTrue(invalid.body().contains("password.blockCommon"), invalid.body());
            doc.withObjectProperty("password").remove("blockCommon");
            Response missing = api.put(policy, api.masterAdminToken(), doc);
            assertEquals(400, missing.status(), missing.body());
            assertTrue(missing.body().contains("password.blockCommon"), missing.body());
        }
    }

    @Test
    void accountApiNamesTheBlocklistRule() {
        realm.createUser("amy", GOOD);
        String token = api.token(realm.name(), "amy", GOOD);
        for (String common : COMMON) {
            Response refused = change(token, GOOD, common);
            assertEquals(400, refused.status(), common + ": " + refused.body());
            List<JsonNode> errors = StreamSupport.stream(refused.json().get("errors").spliterator(), false).toList();
            assertEquals(1, errors.size(), refused.body());
            assertEquals("newPassword", errors.get(0).get("field").asText());
            assertEquals("blocklist", errors.get(0).get("rule").asText());
            assertTrue(errors.get(0).get("message").asText().startsWith(BLOCKED_MESSAGE), refused.body());
        }
        Response changed = change(token, GOOD, RANDOM);
        assertEquals(200, changed.status(), changed.body());
        assertEquals(200, api.passwordGrant(realm.name(), "amy", RANDOM).status());
    }

    @Test
    void updatePasswordPageRefusesThemWithAPlainMessage() {
        String id = realm.createUser("cleo", GOOD);
        assertEquals(204, api.put(realm.adminPath() + "/users/" + id, api.masterAdminToken(),
                Map.of("requiredActions", List.of("UPDATE_PASSWORD"))).status());
        Page page = new BrowserSession(api.baseUrl(), realm.name(), UA).signIn("cleo", GOOD);
        for (String common : COMMON) {
            assertTrue(page.hasField("password-new"), page.body());
            page = page.submit(Map.of("password-new", common, "password-confirm", common));
            assertTrue(page.hasField("password-new"), common + " was accepted");
            assertTrue(page.body().contains(BLOCKED_MESSAGE), page.body());
        }
        Page done = page.submit(Map.of("password-new", RANDOM, "password-confirm", RANDOM));
        assertTrue(done.code() != null, done.body());
    }

    @Test
    void adminResetIsRefusedWithAPlainMessage() {
        String id = realm.createUser("dora", GOOD);
        for (String common : COMMON) {
            Response refused = reset(id, common);
            assertEquals(400, refused.status(), common + ": " + refused.body());
            String description = refused.json().get("error_description").asText();
            assertTrue(description.contains("password is not allowed"), refused.body());
        }
        assertEquals(200, api.passwordGrant(realm.name(), "dora", GOOD).status(), "unchanged");
    }

    @Test
    void registrationRefusesThem() {
        for (String common : COMMON) {
            String username = "reg" + Math.abs(common.hashCode());
            Page form = new BrowserSession(api.baseUrl(), realm.name(), UA).openRegistration();
            assertTrue(form.hasField("password-confirm"), form.body());
            Page refused = form.submit(Map.of("username", username, "email", username + "@example.test",
                    "firstName", "Reg", "lastName", "Istrant", "password", common, "password-confirm", common));
            assertTrue(refused.body().contains(BLOCKED_MESSAGE), refused.body());
            assertEquals("[]", api.get(realm.adminPath() + "/users?exact=true&username=" + username,
                    api.masterAdminToken()).body(), "no account was created for " + common);
        }
        Page form = new BrowserSession(api.baseUrl(), realm.name(), UA).openRegistration();
        Page registered = form.submit(Map.of("username", "regok", "email", "regok@example.test",
                "firstName", "Reg", "lastName", "Ok", "password", RANDOM, "password-confirm", RANDOM));
        // the managed registration flow offers 2FA as a sign-in does (policy OPTIONAL): "Not now"
        Page done = registered.pastReminders();
        assertTrue(done.code() != null, done.body());
    }

    @Test
    void longPasswordsAreAcceptedWhole() {
        String id = realm.createUser("eli", GOOD);
        String longPassword = "Kestrel-Harbour-Violet-Engine-Maple-Quorum-Tundra-Saffron-2026-Zest!";
        assertTrue(longPassword.length() > 64);
        Response reset = reset(id, longPassword);
        assertEquals(204, reset.status(), reset.body());
        assertEquals(200, api.passwordGrant(realm.name(), "eli", longPassword).status());
        Response prefix = api.passwordGrant(realm.name(), "eli", longPassword.substring(0, 64));
        assertEquals("invalid_grant", prefix.json().get("error").asText(), "not truncated: " + prefix.body());
    }

    @Test
    void aCorrectPasswordThatIsNowBlockedMustBeChanged() {
        Response grant = api.passwordGrant(realm.name(), "bob", COMMON.get(0));
        assertEquals(400, grant.status(), grant.body());
        assertEquals("Account is not fully set up", grant.json().get("error_description").asText());
        JsonNode event = new AuditLog(api, realm.name()).awaitEvent("auth.password_compromised", "bob");
        assertEquals("blocklist", event.at("/details/reason").asText(), event.toString());

        Page update = new BrowserSession(api.baseUrl(), realm.name(), UA).signIn("bob", COMMON.get(0));
        assertTrue(update.hasField("password-new"), update.body());
        Page done = update.submit(Map.of("password-new", RANDOM, "password-confirm", RANDOM));
        assertTrue(done.code() != null, done.body());
        assertEquals(1, new AuditLog(api, realm.name()).events("type=auth.password_compromised&user=bob").size(),
                "recorded once, not at every sign-in");
        assertEquals(200, api.passwordGrant(realm.name(), "bob", RANDOM).status());
        assertFalse(api.get(realm.adminPath() + "/users/" + bobId, api.masterAdminToken()).json()
                .get("requiredActions").toString().contains("UPDATE_PASSWORD"));
    }

    @Test
    void adminsOwnWordsAreBlockedLikeTheList() {
        // neither is on the common-password list
        realm.changePolicy(doc -> doc.withObjectProperty("password").putArray("blockedWords").add("Initech")
                .add("Vandelay7"));
        assertTrue(passwordPolicyString().contains("securityCenterBlockedWords(Initech,Vandelay7)"),
                passwordPolicyString());
        JsonNode words = api.get(policyPath(), api.masterAdminToken()).json().at("/password/blockedWords");
        assertEquals("[\"Initech\",\"Vandelay7\"]", words.toString());

        realm.createUser("fred", GOOD);
        String token = api.token(realm.name(), "fred", GOOD);
        for (String word : List.of("InItech-2026-2027!", "Vandelay#2026-27")) {
            Response refused = change(token, GOOD, word);
            assertEquals(400, refused.status(), word + ": " + refused.body());
            assertEquals("blockedWords", refused.json().at("/errors/0/rule").asText(), refused.body());
        }
        String id = api.get(realm.adminPath() + "/users?exact=true&username=fred", api.masterAdminToken()).json()
                .get(0).get("id").asText();
        assertEquals(400, reset(id, "Initech!2026-2027").status(), "the admin reset obeys it too");
        Response longer = change(token, GOOD, "Initech-Corp-Ledger-2026!");
        assertEquals(200, longer.status(), "a word inside a longer one is fine: " + longer.body());
    }

    /**
     * The admin's words are the organisation's (product code names, a merger's partner): a user learns that the
     * realm blocks words of its own, never which, neither from the account overview nor from a refusal.
     */
    @Test
    void usersLearnThatWordsAreBlockedNeverWhich() {
        realm.changePolicy(doc -> doc.withObjectProperty("password").putArray("blockedWords").add("Initech")
                .add("Vandelay7"));
        realm.createUser("gina", GOOD);
        String token = api.token(realm.name(), "gina", GOOD);
        Response overview = api.get("/realms/" + realm.name() + "/security-center/account", token);
        assertEquals(200, overview.status(), overview.body());
        Response check = api.post("/realms/" + realm.name() + "/security-center/account/password/check", token,
                Map.of("newPassword", "Vandelay#2026-27"));
        assertEquals("blockedWords", check.json().at("/violations/0/rule").asText(), check.body());
        for (Response answer : List.of(overview, check, change(token, GOOD, "Initech!2026-2027"))) {
            String body = answer.body().toLowerCase(java.util.Locale.ROOT);
            assertFalse(body.contains("initech") || body.contains("vandelay"), "a blocked word shows: " + body);
        }
        // the account page still knows to ask the server about the lists
        assertTrue(overview.json().at("/password/rules/blockWords").asBoolean(), overview.body());
        assertTrue(overview.json().at("/password/rules/blockCommon").asBoolean(), overview.body());
    }

    @Test
    void withCommonPasswordsBlockedNoCharacterClassIsRequired() {
        ObjectNode doc = (ObjectNode) api.get(policyPath(), api.masterAdminToken()).json();
        doc.withObjectProperty("password").put("requireUppercase", false).put("requireLowercase", false)
                .put("requireDigits", false).put("requireSpecial", false).put("blockCommon", true);
        Response preview = api.post(policyPath() + "/preview", api.masterAdminToken(), doc);
        assertEquals(200, preview.status(), preview.body());
        assertEquals(0, preview.json().get("errors").size(), preview.body());
        doc.withObjectProperty("password").put("blockCommon", false);
        Response refused = api.put(policyPath(), api.masterAdminToken(), doc);
        assertEquals(400, refused.status(), refused.body());
        assertEquals("password.complexity", refused.json().at("/errors/0/field").asText(), refused.body());
    }

    @Test
    void blockedWordsAreValidated() {
        Map<String, List<String>> invalid = Map.of(
                "password.blockedWords[0]", List.of("ab"),
                "password.blockedWords[1]", List.of("initech", "two words"),
                "password.blockedWords[2]", List.of("initech", "globex", "INITECH"),
                "password.blockedWords", java.util.stream.IntStream.range(0, 51).mapToObj(i -> "word" + i).toList());
        ObjectNode doc = (ObjectNode) api.get(policyPath(), api.masterAdminToken()).json();
        for (Map.Entry<String, List<String>> bad : invalid.entrySet()) {
            var array = doc.withObjectProperty("password").putArray("blockedWords");
            bad.getValue().forEach(array::add);
            Response refused = api.put(policyPath(), api.masterAdminToken(), doc);
            assertEquals(400, refused.status(), refused.body());
            assertEquals(bad.getKey(), refused.json().at("/errors/0/field").asText(), refused.body());
        }
        assertFalse(passwordPolicyString().contains("two words"), "nothing was applied");
    }

    private static Response change(String token, String current, String password) {
        return api.post("/realms/" + realm.name() + "/security-center/account/password", token,
                Map.of("currentPassword", current, "newPassword", password, "confirmation", password));
    }

    private static Response reset(String userId, String password) {
        return api.put(realm.adminPath() + "/users/" + userId + "/reset-password", api.masterAdminToken(),
                Map.of("type", "password", "value", password, "temporary", false));
    }

    private static String passwordPolicyString() {
        return api.get(realm.adminPath(), api.masterAdminToken()).json().get("passwordPolicy").asText();
    }

    private static String policyPath() {
        return realm.adminPath() + "/security-center/policy";
    }
}
