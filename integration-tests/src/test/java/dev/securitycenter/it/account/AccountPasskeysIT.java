package dev.securitycenter.it.account;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.SecondFactors;
import dev.securitycenter.it.support.TestRealm;
import dev.securitycenter.it.support.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Profile ▸ Security ▸ Two-factor, the list of the user's factors and their passkeys through the account API:
 * listing, renaming, removing after a recent sign-in, the last factor kept while 2FA is required, and another
 * user's passkey out of reach. Tokens are taken before the policy allows passkeys: a token request cannot sign in
 * a user whose only factor is a passkey (the browser tests sign in with one).
 */
@ExtendWith(KeycloakTestServer.class)
class AccountPasskeysIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final String LENAS_APP = "LenasSecretForTotp01";

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;

    @BeforeEach
    void createRealm() {
        realm = TestRealm.create(api, "account-passkeys", Map.of());
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void theListShowsEveryFactorWithItsMethodNameAndDate() {
        long added = Instant.parse("2026-03-01T09:30:00Z").toEpochMilli();
        String id = realm.createUser("lena", PASSWORD, List.of(SecondFactors.totp(LENAS_APP),
                SecondFactors.sms("+15555550101"), SecondFactors.email(), SecondFactors.passkey("Lena's laptop"),
                addedAt(SecondFactors.passkey("Lena's phone"), added)));
        // Keycloak's own direct-grant flow (no policy saved yet) asks a user with an app for its code
        String token = api.token(realm.name(), "lena", PASSWORD, Totp.unusedCode(LENAS_APP));
        allowPasskeys();

        JsonNode list = factors(token);
        assertTrue(list.get("passkeysAvailable").asBoolean(), list.toString());
        List<JsonNode> factors = StreamSupport.stream(list.get("factors").spliterator(), false).toList();
        assertEquals(List.of("TOTP", "SMS", "EMAIL", "PASSKEY", "PASSKEY"),
                factors.stream().map(f -> f.get("method").asText()).toList(), list.toString());
        // oldest first within a method: the phone's passkey was added in March
        assertEquals(List.of("Lena's phone", "Lena's laptop"), passkeyLabels(list));
        assertEquals("2026-03-01T09:30:00Z", factors.get(3).get("created").asText(), list.toString());
        for (JsonNode factor : factors) {
            assertEquals(credentialIdOf(id, factor.get("label").asText(), typeOf(factor)), factor.get("id").asText());
            assertTrue(factor.get("lastUsed").isNull(), "nothing signed in with a factor yet: " + factor);
        }

        realm.changePolicy(policy -> policy.withObjectProperty("mfa").putArray("methods").add("TOTP"));
        assertFalse(factors(token).get("passkeysAvailable").asBoolean(), "no adding while passkeys are not allowed");
    }

    @Test
    void aPasskeyIsRenamedWithinTheRulesAndOnlyByItsOwner() {
        String lena = realm.createUser("lena", PASSWORD, List.of(SecondFactors.passkey("Laptop")));
        realm.createUser("mallory", PASSWORD, List.of(SecondFactors.passkey("Mallory's key")));
        String lenas = api.token(realm.name(), "lena", PASSWORD);
        String mallorys = api.token(realm.name(), "mallory", PASSWORD);
        allowPasskeys();
        String passkey = idOf(factors(lenas), "Laptop");

        Response renamed = rename(lenas, passkey, Map.of("label", "  Work laptop  "));
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("Work laptop", renamed.json().get("label").asText(), "kept without the spaces around it");
        assertEquals("Work laptop", credential(lena, passkey).get("userLabel").asText(), "stored in Keycloak");

        for (Object bad : new Object[]{Map.of("label", " "), Map.of(), Map.of("label", "x".repeat(65)),
                Map.of("label", "tab\tinside"), Map.of("label", 5), Map.of("label", "ok", "extra", "no")}) {
            Response refused = rename(lenas, passkey, bad);
            assertEquals(400, refused.status(), bad + " → " + refused.body());
            assertFalse(refused.json().at("/errors/0/field").asText().isEmpty(), refused.body());
            assertFalse(refused.json().at("/errors/0/message").asText().isEmpty(), refused.body());
        }
        assertEquals("label", rename(lenas, passkey, Map.of("label", "x".repeat(65))).json()
                .at("/errors/0/field").asText());
        assertEquals("Work laptop", credential(lena, passkey).get("userLabel").asText(), "no refusal changed it");

        // the attacker knows the id of Lena's passkey (it is no secret): the answer is the one for any unknown id
        Response stolen = rename(mallorys, passkey, Map.of("label", "Mallory's now"));
        assertEquals(404, stolen.status(), stolen.body());
        assertEquals(404, rename(mallorys, "no-such-credential", Map.of("label", "x")).status());
        assertEquals("Work laptop", credential(lena, passkey).get("userLabel").asText());
        Response removed = api.delete(passkeyPath(passkey), mallorys);
        assertEquals(404, removed.status(), removed.body());
        assertEquals(1, passkeyLabels(factors(lenas)).size(), "Lena's passkey is still there");
        assertEquals(401, api.get(base() + "/mfa/factors", null).status(), "a bearer token is required");
    }

    @Test
    void removingAPasskeyNeedsARecentSignInAndIsAudited() throws InterruptedException {
        Response configured = api.put(realm.adminPath() + "/authentication/required-actions/CONFIGURE_TOTP/config",
                api.masterAdminToken(), Map.of("config", Map.of("max_auth_age", "5")));
        assertEquals(204, configured.status(), configured.body());
        String lena = realm.createUser("lena", PASSWORD, List.of(SecondFactors.totp(LENAS_APP),
                SecondFactors.passkey("Laptop"), SecondFactors.passkey("Old phone")));
        String token = api.token(realm.name(), "lena", PASSWORD, Totp.unusedCode(LENAS_APP));
        allowPasskeys();
        String oldPhone = idOf(factors(token), "Old phone");

        Thread.sleep(6_000);
        Response stale = api.delete(passkeyPath(oldPhone), token);
        assertEquals(403, stale.status(), stale.body());
        assertEquals("reauthentication_required", stale.json().get("error").asText(), stale.body());
        assertEquals(2, passkeyLabels(factors(token)).size(), "nothing removed");

        String fresh = api.token(realm.name(), "lena", PASSWORD, Totp.unusedCode(LENAS_APP));
        Response removed = api.delete(passkeyPath(oldPhone), fresh);
        assertEquals(200, removed.status(), removed.body());
        assertEquals(List.of("Laptop"), passkeyLabels(factors(fresh)));
        assertEquals(404, api.delete(passkeyPath(oldPhone), fresh).status(), "gone");
        JsonNode event = new AuditLog(api, realm.name()).awaitEvent("auth.2fa_disabled", "lena");
        assertEquals("PASSKEY", event.at("/details/method").asText(), event.toString());
        assertEquals(lena, event.get("userId").asText());
    }

    @Test
    void theLastFactorIsKeptWhileTheOrganisationRequiresTwoFactor() {
        realm.createUser("lena", PASSWORD, List.of(SecondFactors.passkey("Laptop"), SecondFactors.passkey("Phone")));
        realm.createUser("otto", PASSWORD, List.of(SecondFactors.passkey("Key"), SecondFactors.email()));
        String lenas = api.token(realm.name(), "lena", PASSWORD);
        String ottos = api.token(realm.name(), "otto", PASSWORD);
        allowPasskeys();
        realm.changePolicy(policy -> policy.withObjectProperty("mfa").put("enforcement", "REQUIRED_ALL")
                .putArray("methods").add("PASSKEY").add("EMAIL"));

        JsonNode lenasFactors = factors(lenas);
        assertEquals(200, api.delete(passkeyPath(idOf(lenasFactors, "Laptop")), lenas).status(),
                "another passkey remains");
        Response last = api.delete(passkeyPath(idOf(lenasFactors, "Phone")), lenas);
        assertEquals(409, last.status(), last.body());
        assertEquals("id", last.json().at("/errors/0/field").asText());
        assertTrue(last.json().at("/errors/0/message").asText().contains("requires two-factor"), last.body());
        assertEquals(List.of("Phone"), passkeyLabels(factors(lenas)), "the last passkey stays");

        String ottosKey = factors(ottos).at("/factors/1/id").asText();
        assertEquals("PASSKEY", factors(ottos).at("/factors/1/method").asText());
        assertEquals(200, api.delete(passkeyPath(ottosKey), ottos).status(), "email codes remain an allowed factor");
    }

    /** Applies the recommended policy, which allows passkeys (2FA optional). */
    private void allowPasskeys() {
        Response applied = api.post(realm.adminPath() + "/security-center/policy/defaults", api.masterAdminToken(), "");
        assertEquals(200, applied.status(), applied.body());
    }

    /** A credential as if added at a given time (Keycloak takes the time given with an imported credential). */
    private static Map<String, Object> addedAt(Map<String, Object> credential, long millis) {
        Map<String, Object> dated = new HashMap<>(credential);
        dated.put("createdDate", millis);
        return dated;
    }

    private JsonNode factors(String token) {
        Response response = api.get(base() + "/mfa/factors", token);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private Response rename(String token, String id, Object body) {
        return api.post(passkeyPath(id) + "/label", token, body);
    }

    private static String idOf(JsonNode list, String label) {
        return StreamSupport.stream(list.get("factors").spliterator(), false)
                .filter(f -> label.equals(f.get("label").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no factor " + label + " in " + list))
                .get("id").asText();
    }

    private static List<String> passkeyLabels(JsonNode list) {
        return StreamSupport.stream(list.get("factors").spliterator(), false)
                .filter(f -> "PASSKEY".equals(f.get("method").asText()))
                .map(f -> f.get("label").asText())
                .toList();
    }

    private static String typeOf(JsonNode factor) {
        return switch (factor.get("method").asText()) {
            case "TOTP" -> "otp";
            case "SMS" -> "security-center-sms";
            case "EMAIL" -> "security-center-email";
            default -> "webauthn-passwordless";
        };
    }

    private JsonNode credential(String userId, String credentialId) {
        return StreamSupport.stream(credentials(userId).spliterator(), false)
                .filter(c -> credentialId.equals(c.get("id").asText()))
                .findFirst().orElseThrow();
    }

    private String credentialIdOf(String userId, String label, String type) {
        return StreamSupport.stream(credentials(userId).spliterator(), false)
                .filter(c -> type.equals(c.get("type").asText()) && label.equals(c.path("userLabel").asText()))
                .findFirst().orElseThrow().get("id").asText();
    }

    private JsonNode credentials(String userId) {
        return api.get(realm.adminPath() + "/users/" + userId + "/credentials", api.masterAdminToken()).json();
    }

    private String passkeyPath(String id) {
        return base() + "/mfa/passkeys/" + id;
    }

    private String base() {
        return "/realms/" + realm.name() + "/security-center/account";
    }
}
