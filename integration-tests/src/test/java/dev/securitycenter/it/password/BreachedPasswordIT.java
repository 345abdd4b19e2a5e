package dev.securitycenter.it.password;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.BrowserSession.Page;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakServer;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.PwnedPasswordsStub;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code password.blockBreached} on, a password the range API (here the local stub, in the API's exact format)
 * knows from breaches is refused wherever Keycloak sets a password, and a correct one must be changed at sign-in.
 * The suite's server fails open: a password the API does not answer for in time is accepted.
 * {@link BreachedPasswordFailClosedIT} covers the other mode.
 */
@ExtendWith(KeycloakTestServer.class)
class BreachedPasswordIT {

    /** Meets the Acme policy and is on no common-password list, so only the breach check can refuse these. */
    private static final String BREACHED = "Marmalade-Orbit-Canyon-17!";
    private static final String OLD_BREACHED = "Juniper-Falcon-Cobalt-23!";
    private static final String GOOD = "Quartz-Lantern-Ferry-81!";
    private static final String RANDOM = "vT7#qLp2-Xw9!rZm4$Kd";
    private static final String BREACHED_MESSAGE = "This password has appeared in a data breach.";
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36";

    private static KeycloakApi api;
    private static PwnedPasswordsStub stub;
    private static TestRealm realm;

    @BeforeAll
    static void acmeRealmWithTheBreachCheckOn() {
        api = KeycloakTestServer.api();
        stub = KeycloakTestServer.server().pwnedPasswords();
        stub.breached(BREACHED, 52_310);
        realm = TestRealm.create(api, "breached-passwords", Map.of("registrationAllowed", true,
                "loginTheme", "security-center"));
        assertEquals(200, api.post(policyPath() + "/defaults", api.masterAdminToken(), "").status());
        // set before the check was on, so never checked: as in a realm that turns it on later
        realm.createUser("olga", OLD_BREACHED);
        stub.breached(OLD_BREACHED, 7);
        assertFalse(api.get(policyPath(), api.masterAdminToken()).json().at("/password/blockBreached").asBoolean(),
                "off until an admin turns it on");
        realm.changePolicy(doc -> doc.withObjectProperty("password").put("blockBreached", true));
    }

    @AfterAll
    static void deleteRealm() {
        realm.close();
    }

    @Test
    void theFieldIsKeycloaksPasswordPolicyEntryAndIsValidated() {
        assertTrue(passwordPolicyString().contains("securityCenterBreachedPasswords"), passwordPolicyString());
        ObjectNode doc = (ObjectNode) api.get(policyPath(), api.masterAdminToken()).json();
        assertTrue(doc.at("/password/blockBreached").asBoolean(), doc.toString());
        Response preview = api.post(policyPath() + "/preview", api.masterAdminToken(), doc);
        assertEquals(200, preview.status(), preview.body());
        assertEquals(0, preview.json().get("errors").size(), preview.body());

        doc.withObjectProperty("password").put("blockBreached", "yes");
        Response invalid = api.put(policyPath(), api.masterAdminToken(), doc);
        assertEquals(400, invalid.status(), invalid.body());
        assertEquals("password.blockBreached", invalid.json().at("/errors/0/field").asText(), invalid.body());
        doc.withObjectProperty("password").remove("blockBreached");
        Response missing = api.put(policyPath(), api.masterAdminToken(), doc);
        assertEquals(400, missing.status(), missing.body());
        assertEquals("password.blockBreached", missing.json().at("/errors/0/field").asText(), missing.body());
        assertTrue(passwordPolicyString().contains("securityCenterBreachedPasswords"), "nothing was applied");
    }

    @Test
    void accountApiNamesTheBreachedRuleAndOnlyAPaddedPrefixLeaves() {
        realm.createUser("amy", GOOD);
        String token = api.token(realm.name(), "amy", GOOD);
        Response refused = change(token, GOOD, BREACHED);
        assertEquals(400, refused.status(), refused.body());
        assertEquals(1, refused.json().get("errors").size(), refused.body());
        assertEquals("newPassword", refused.json().at("/errors/0/field").asText());
        assertEquals("breached", refused.json().at("/errors/0/rule").asText());
        assertTrue(refused.json().at("/errors/0/message").asText().startsWith(BREACHED_MESSAGE), refused.body());

        List<PwnedPasswordsStub.Request> asked = stub.requestsFor(BREACHED);
        assertFalse(asked.isEmpty());
        assertTrue(asked.stream().allMatch(PwnedPasswordsStub.Request::padded), "Add-Padding: true on " + asked);
        assertEquals(PwnedPasswordsStub.sha1(BREACHED).substring(0, 5), asked.get(0).prefix());
        int before = asked.size();
        assertEquals(400, change(token, GOOD, BREACHED).status());
        assertEquals(before, stub.requestsFor(BREACHED).size(), "the node's cache answered the second time");

        Response changed = change(token, GOOD, RANDOM);
        assertEquals(200, changed.status(), changed.body());
        assertEquals(1, stub.requestsFor(RANDOM).size(), "a miss is asked once");
        assertEquals(200, api.passwordGrant(realm.name(), "amy", RANDOM).status());
    }

    @Test
    void updatePasswordPageRefusesItWithAPlainMessage() {
        String id = realm.createUser("cleo", GOOD);
        assertEquals(204, api.put(realm.adminPath() + "/users/" + id, api.masterAdminToken(),
                Map.of("requiredActions", List.of("UPDATE_PASSWORD"))).status());
        Page page = new BrowserSession(api.baseUrl(), realm.name(), UA).signIn("cleo", GOOD);
        assertTrue(page.hasField("password-new"), page.body());
        page = page.submit(Map.of("password-new", BREACHED, "password-confirm", BREACHED));
        assertTrue(page.hasField("password-new"), "the breached password was accepted");
        assertTrue(page.body().contains(BREACHED_MESSAGE), page.body());
        Page done = page.submit(Map.of("password-new", RANDOM, "password-confirm", RANDOM));
        assertTrue(done.code() != null, done.body());
    }

    @Test
    void adminResetIsRefused() {
        String id = realm.createUser("dora", GOOD);
        Response refused = reset(id, BREACHED);
        assertEquals(400, refused.status(), refused.body());
        // the rule's stable key for programs, and the sentence the stock admin console shows: this realm's admin
        // theme is Keycloak's own, which words the refusal, and it has no sentence of its own for our rule
        assertEquals("securityCenterBreachedPasswordMessage", refused.json().get("error").asText(), refused.body());
        JsonNode adminTheme = api.get(realm.adminPath(), api.masterAdminToken()).json().get("adminTheme");
        assertTrue(adminTheme == null || adminTheme.asText().isEmpty(), "on Keycloak's admin theme: " + adminTheme);
        assertTrue(refused.json().get("error_description").asText().startsWith(BREACHED_MESSAGE), refused.body());
        assertEquals(200, api.passwordGrant(realm.name(), "dora", GOOD).status(), "unchanged");
    }

    @Test
    void registrationRefusesIt() {
        Page form = new BrowserSession(api.baseUrl(), realm.name(), UA).openRegistration();
        Page refused = form.submit(Map.of("username", "regbreached", "email", "regbreached@example.test",
                "firstName", "Reg", "lastName", "Istrant", "password", BREACHED, "password-confirm", BREACHED));
        assertTrue(refused.body().contains(BREACHED_MESSAGE), refused.body());
        assertEquals("[]", api.get(realm.adminPath() + "/users?exact=true&username=regbreached",
                api.masterAdminToken()).body(), "no account was created");
    }

    @Test
    void aCorrectPasswordFoundBreachedAtSignInMustBeChanged() {
        Response grant = api.passwordGrant(realm.name(), "olga", OLD_BREACHED);
        assertEquals(400, grant.status(), grant.body());
        assertEquals("Account is not fully set up", grant.json().get("error_description").asText());
        JsonNode event = new AuditLog(api, realm.name()).awaitEvent("auth.password_compromised", "olga");
        assertEquals("breached", event.at("/details/reason").asText(), event.toString());

        Page update = new BrowserSession(api.baseUrl(), realm.name(), UA).signIn("olga", OLD_BREACHED);
        assertTrue(update.hasField("password-new"), update.body());
        Page done = update.submit(Map.of("password-new", GOOD, "password-confirm", GOOD));
        assertTrue(done.code() != null, done.body());
        assertEquals(1, new AuditLog(api, realm.name()).events("type=auth.password_compromised&user=olga").size(),
                "recorded once, not at every sign-in");
        assertEquals(200, api.passwordGrant(realm.name(), "olga", GOOD).status());
    }

    @Test
    void whenTheRangeApiIsTooSlowThePasswordIsAcceptedAndSignInStillWorks() {
        String slow = "Pebble-Thistle-Lagoon-64!";
        stub.slowFor(slow);
        realm.createUser("finn", GOOD);
        String token = api.token(realm.name(), "finn", GOOD);
        long started = System.nanoTime();
        Response changed = change(token, GOOD, slow);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, changed.status(), "fails open: " + changed.body());
        int asked = stub.requestsFor(slow).size();
        assertEquals(1, asked, "one look-up per request, however often the password is validated");
        assertTrue(tookMillis < PwnedPasswordsStub.SLOW_MILLIS, "gave up after the timeout ("
                + KeycloakServer.BREACH_TIMEOUT_MILLIS + " ms) instead of waiting for the answer: " + tookMillis + " ms");
        assertEquals(200, api.passwordGrant(realm.name(), "finn", slow).status(), "an outage stops no sign-in");
        assertTrue(stub.requestsFor(slow).size() > asked, "not marked as checked, so sign-in asks again");
    }

    @Test
    void accountCheckNamesEveryBrokenRuleAndChangesNothing() {
        realm.createUser("gus", GOOD);
        String token = api.token(realm.name(), "gus", GOOD);
        Response breached = check(token, Map.of("newPassword", BREACHED));
        assertEquals(200, breached.status(), breached.body());
        assertEquals("breached", breached.json().at("/violations/0/rule").asText(), breached.body());
        assertEquals("newPassword", breached.json().at("/violations/0/field").asText(), breached.body());
        assertEquals("blocklist", check(token, Map.of("newPassword", "Password123!")).json()
                .at("/violations/0/rule").asText());
        String pasted = "Kestrel-Harbour-Violet-Engine-Maple-Quorum-Tundra-Saffron-2026-Zest!";
        assertTrue(pasted.length() > 64);
        assertEquals("[]", check(token, Map.of("newPassword", pasted)).json().get("violations").toString(),
                "64 characters and more are fine");
        assertEquals(400, check(token, Map.of()).status());
        assertEquals(400, check(token, Map.of("newPassword", "x", "currentPassword", GOOD)).status(),
                "unknown fields are refused");
        assertEquals(401, check(null, Map.of("newPassword", BREACHED)).status());
        assertEquals(200, api.passwordGrant(realm.name(), "gus", GOOD).status(), "nothing was changed");
    }

    @Test
    void accountCheckIsBoundedPerUser() {
        realm.createUser("hal", GOOD);
        String token = api.token(realm.name(), "hal", GOOD);
        int allowed = 0;
        Response last = null;
        for (int i = 0; i < 121; i++) {
            last = check(token, Map.of("newPassword", RANDOM));
            if (last.status() != 200) {
                break;
            }
            allowed++;
        }
        assertEquals(120, allowed, "per hour");
        assertEquals(429, last.status(), last.body());
        assertEquals("newPassword", last.json().at("/errors/0/field").asText(), last.body());
        realm.createUser("ida", GOOD);
        assertEquals(200, check(api.token(realm.name(), "ida", GOOD), Map.of("newPassword", RANDOM)).status(),
                "another user is not held up");
    }

    private static Response check(String token, Map<String, String> body) {
        return api.post("/realms/" + realm.name() + "/security-center/account/password/check", token, body);
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
