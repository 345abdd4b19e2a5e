package dev.securitycenter.it.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakServer;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.ServerClock;
import dev.securitycenter.it.support.TestRealm;
import dev.securitycenter.it.support.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Profile ▸ Security ▸ Two-factor: authenticator-app set-up, recovery codes, disabling. */
@ExtendWith(KeycloakTestServer.class)
class AccountMfaIT {

    private static final String PASSWORD = "Correct-Horse-42!";

    private static KeycloakApi api;
    private static TestRealm realm;
    private static AuditLog audit;

    @BeforeAll
    static void createRealm() {
        api = KeycloakTestServer.api();
        // Failures a second apart are this test's pace, not an attack: Keycloak's quick-login rule (two failures
        // within its check interval lock the user for a minute) would otherwise lock the users between steps.
        realm = TestRealm.create(api, "account-mfa", Map.of("bruteForceProtected", true, "failureFactor", 30,
                "quickLoginCheckMilliSeconds", 1, "minimumQuickLoginWaitSeconds", 1));
        audit = new AuditLog(api, realm.name());
    }

    @AfterAll
    static void deleteRealm() {
        realm.close();
    }

    @Test
    void aVerifiedCodeBindsTheSecretAndReturnsEightRecoveryCodesOnce() {
        String id = realm.createUser("mia", PASSWORD);
        String token = api.token(realm.name(), "mia", PASSWORD);

        JsonNode pending = start(token);
        assertTrue(pending.get("otpauthUri").asText().startsWith("otpauth://totp/"), pending.toString());
        assertTrue(pending.get("qrCode").asText().startsWith("data:image/png;base64,"));
        assertTrue(Instant.parse(pending.get("expiresAt").asText()).isAfter(Instant.now()));
        String secret = Totp.fromBase32(pending.get("secret").asText());

        Response wrong = verify(token, "000000".equals(Totp.code(secret)) ? "111111" : "000000");
        assertEquals(400, wrong.status(), wrong.body());
        assertEquals("code", wrong.json().at("/errors/0/field").asText());
        assertTrue(realm.awaitBruteForce(id, state -> state.get("numFailures").asInt() >= 1), "a failed login");
        assertFalse(overview(token).at("/twoFactor/enabled").asBoolean());

        Response enabled = verify(token, Totp.unusedCode(secret));
        assertEquals(200, enabled.status(), enabled.body());
        List<String> codes = codes(enabled);
        assertEquals(8, codes.size());
        assertEquals(8, codes.stream().distinct().count());

        Response again = verify(token, Totp.unusedCode(secret));
        assertEquals(409, again.status(), "the codes are shown only once: " + again.body());
        JsonNode overview = overview(token);
        assertTrue(overview.at("/twoFactor/enabled").asBoolean());
        assertFalse(overview.at("/twoFactor/since").isNull());
        assertEquals(8, overview.at("/twoFactor/recoveryCodesLeft").asInt());
        audit.awaitEvent("auth.2fa_enabled", "mia");
        assertNotEquals(200, api.passwordGrant(realm.name(), "mia", PASSWORD).status(), "sign-in now needs a code");
        api.token(realm.name(), "mia", PASSWORD, Totp.unusedCode(secret));
    }

    @Test
    void aPendingSecretExpires() {
        realm.createUser("ned", PASSWORD);
        String token = api.token(realm.name(), "ned", PASSWORD);
        JsonNode pending = start(token);
        String secret = Totp.fromBase32(pending.get("secret").asText());
        Instant expiresAt = Instant.parse(pending.get("expiresAt").asText());
        assertTrue(!expiresAt.isAfter(Instant.now().plusSeconds(KeycloakServer.TOTP_SETUP_SECONDS)), "" + expiresAt);

        ServerClock.awaitPast(expiresAt);
        Response expired = verify(token, Totp.unusedCode(secret));
        assertEquals(409, expired.status(), expired.body());
        assertFalse(overview(token).at("/twoFactor/enabled").asBoolean());
    }

    @Test
    void recoveryCodesAreRegeneratedWithACurrentCodeOrARecoveryCode() {
        String id = realm.createUser("ola", PASSWORD);
        String token = api.token(realm.name(), "ola", PASSWORD);
        Enrolled enrolled = enrol(token);

        Response wrong = api.post(path("/mfa/recovery-codes"), token, Map.of("code", "not-a-code"));
        assertEquals(400, wrong.status(), wrong.body());
        assertTrue(realm.awaitBruteForce(id, state -> state.get("numFailures").asInt() >= 1));

        List<String> fresh = codes(api.post(path("/mfa/recovery-codes"), token,
                Map.of("code", Totp.unusedCode(enrolled.secret))));
        assertEquals(8, fresh.size());
        assertTrue(fresh.stream().noneMatch(enrolled.codes::contains));
        assertEquals(400, api.post(path("/mfa/recovery-codes"), token, Map.of("code", enrolled.codes.get(0)))
                .status(), "the old codes no longer work");
        audit.awaitEvent("auth.2fa_recovery_codes_regenerated", "ola");
    }

    @Test
    void aRecoveryCodeIsAcceptedAsProofOnceForRegeneratingAndDisabling() {
        realm.createUser("sam", PASSWORD);
        String token = api.token(realm.name(), "sam", PASSWORD);
        Enrolled enrolled = enrol(token);

        List<String> fresh = codes(api.post(path("/mfa/recovery-codes"), token, Map.of("code", enrolled.codes.get(3))));
        assertEquals(8, fresh.size());
        Response off = api.delete(path("/mfa"), token, Map.of("code", fresh.get(5)));
        assertEquals(200, off.status(), off.body());
        assertEquals(409, api.delete(path("/mfa"), token, Map.of("code", fresh.get(5))).status(), "already off");
    }

    @Test
    void twoFactorIsDisabledWithACurrentCode() {
        realm.createUser("pat", PASSWORD);
        String pat = api.token(realm.name(), "pat", PASSWORD);
        Enrolled enrolled = enrol(pat);
        assertEquals(400, api.delete(path("/mfa"), pat, Map.of("code", "12345678")).status());
        Response off = api.delete(path("/mfa"), pat, Map.of("code", Totp.unusedCode(enrolled.secret)));
        assertEquals(200, off.status(), off.body());
        assertFalse(overview(pat).at("/twoFactor/enabled").asBoolean());
        assertEquals(200, api.passwordGrant(realm.name(), "pat", PASSWORD).status(), "no code needed any more");
        audit.awaitEvent("auth.2fa_disabled", "pat");
        assertEquals(409, api.delete(path("/mfa"), pat, Map.of("code", "12345678")).status(), "nothing to disable");
    }

    @Test
    void disablingIsRefusedWhenThePolicyRequires2fa() {
        try (TestRealm enforced = TestRealm.create(api, "account-mfa-enforced", Map.of())) {
            enforced.createUserWithTotp("rae", PASSWORD, "RaesSecretForTotp0001");
            String policy = enforced.adminPath() + "/security-center/policy";
            assertEquals(200, api.post(policy + "/defaults", api.masterAdminToken(), "").status());
            ObjectNode doc = (ObjectNode) api.get(policy, api.masterAdminToken()).json();
            doc.withObjectProperty("mfa").put("enforcement", "REQUIRED_ALL");
            assertEquals(200, api.put(policy, api.masterAdminToken(), doc).status());

            String token = api.token(enforced.name(), "rae", PASSWORD, Totp.unusedCode("RaesSecretForTotp0001"));
            String account = "/realms/" + enforced.name() + "/security-center/account";
            assertTrue(api.get(account, token).json().at("/twoFactor/enforced").asBoolean());
            Response refused = api.delete(account + "/mfa", token,
                    Map.of("code", Totp.unusedCode("RaesSecretForTotp0001")));
            assertEquals(409, refused.status(), refused.body());
            assertEquals("mfa", refused.json().at("/errors/0/field").asText(), refused.body());
            assertTrue(api.get(account, token).json().at("/twoFactor/enabled").asBoolean(), "still enabled");
        }
    }

    @Test
    void noAuthenticatorAppCanBeSetUpWhenThePolicyRulesItOut() {
        try (TestRealm off = TestRealm.create(api, "account-mfa-off", Map.of())) {
            off.createUser("tia", PASSWORD);
            String policy = off.adminPath() + "/security-center/policy";
            assertEquals(200, api.post(policy + "/defaults", api.masterAdminToken(), "").status());
            String account = "/realms/" + off.name() + "/security-center/account";
            for (String[] rule : new String[][] {{"DISABLED", "TOTP"}, {"OPTIONAL", "SMS"}}) {
                ObjectNode doc = (ObjectNode) api.get(policy, api.masterAdminToken()).json();
                doc.withObjectProperty("mfa").put("enforcement", rule[0]).putArray("methods").add(rule[1]);
                assertEquals(200, api.put(policy, api.masterAdminToken(), doc).status());

                String token = api.token(off.name(), "tia", PASSWORD);
                assertFalse(api.get(account, token).json().at("/twoFactor/available").asBoolean(), rule[0]);
                Response refused = api.post(account + "/mfa/totp", token, "");
                assertEquals(403, refused.status(), rule[0] + " " + rule[1] + ": " + refused.body());
            }
        }
    }

    /**
     * Like Keycloak's own CONFIGURE_TOTP, adding an authenticator app needs a recent sign-in: the realm's
     * {@code max_auth_age} of that required action (here 3 s instead of the default 5 minutes).
     */
    @Test
    void addingAnAuthenticatorAppNeedsARecentSignIn() throws InterruptedException {
        try (TestRealm strict = TestRealm.create(api, "account-reauth", Map.of())) {
            Response configured = api.put(strict.adminPath() + "/authentication/required-actions/CONFIGURE_TOTP/config",
                    api.masterAdminToken(), Map.of("config", Map.of("max_auth_age", "3")));
            assertEquals(204, configured.status(), configured.body());
            strict.createUser("rex", PASSWORD);
            String base = "/realms/" + strict.name() + "/security-center/account/mfa/totp";
            BrowserSession browser = new BrowserSession(api.baseUrl(), strict.name(), "Mozilla/5.0 Chrome/126.0");
            JsonNode browserTokens = browser.tokens(browser.signIn("rex", PASSWORD));
            String fromBrowser = browserTokens.get("access_token").asText();
            Response grant = api.passwordGrant(strict.name(), "rex", PASSWORD);
            assertEquals(200, api.post(base, fromBrowser, "").status(), "a fresh browser sign-in may");
            assertEquals(200, api.post(base, grant.json().get("access_token").asText(), "").status(),
                    "a fresh password grant may");

            Thread.sleep(4_000);
            for (String token : new String[]{fromBrowser, grant.json().get("access_token").asText(),
                    api.refresh(strict.name(), grant.json().get("refresh_token").asText()).json()
                            .get("access_token").asText()}) {
                Response old = api.post(base, token, "");
                assertEquals(403, old.status(), old.body());
                assertEquals("reauthentication_required", old.json().get("error").asText(), old.body());
                assertEquals(3, old.json().get("maxAge").asInt(), old.body());
                assertTrue(old.json().at("/errors/0/message").asText().contains("Sign in again"), old.body());
                Response verifyOld = api.post(base + "/verify", token, Map.of("code", "123456"));
                assertEquals(403, verifyOld.status(), verifyOld.body());
                assertEquals("reauthentication_required", verifyOld.json().get("error").asText());
            }
            assertEquals(200, api.post(base, api.token(strict.name(), "rex", PASSWORD), "").status(),
                    "signing in again lets the user continue");
        }
    }

    private record Enrolled(String secret, List<String> codes) {
    }

    private static Enrolled enrol(String token) {
        String secret = Totp.fromBase32(start(token).get("secret").asText());
        return new Enrolled(secret, codes(verify(token, Totp.unusedCode(secret))));
    }

    private static JsonNode start(String token) {
        Response pending = api.post(path("/mfa/totp"), token, "");
        assertEquals(200, pending.status(), pending.body());
        return pending.json();
    }

    private static Response verify(String token, String code) {
        return api.post(path("/mfa/totp/verify"), token, Map.of("code", code));
    }

    private static List<String> codes(Response response) {
        assertEquals(200, response.status(), response.body());
        return StreamSupport.stream(response.json().get("recoveryCodes").spliterator(), false)
                .map(JsonNode::asText).toList();
    }

    private static JsonNode overview(String token) {
        Response response = api.get(path(""), token);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private static String path(String suffix) {
        return "/realms/" + realm.name() + "/security-center/account" + suffix;
    }
}
