package dev.securitycenter.it.mfa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static dev.securitycenter.it.support.PreviewWarnings.warning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PASSKEY as a policy method and the admin strength: the fields, their validation, the write-through to
 * Keycloak's WebAuthn Passwordless policy as the stock console reads it, the preview, the adoption counts, and
 * what a token request (which cannot use a passkey) answers.
 */
@ExtendWith(KeycloakTestServer.class)
class PasskeyPolicyIT {

    private static final String PASSWORD = "Correct-Horse-42!";

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;

    @BeforeEach
    void configuredRealm() {
        realm = TestRealm.create(api, "passkey-policy", Map.of(
                "roles", Map.of("realm", List.of(Map.of("name", "Admin")))));
    }

    /** The tests after the first start from the recommended policy, as "Set up security defaults" leaves it. */
    private void defaults() {
        assertEquals(200, api.post(policy() + "/defaults", api.masterAdminToken(), "").status());
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void defaultsOfferPasskeysAndSwitchOnKeycloaksPasskeySettingForDiscoverableVerifiedCredentials() {
        assertFalse(stockRealm().path("webAuthnPolicyPasswordlessPasskeysEnabled").asBoolean(),
                "Keycloak's passkeys are off in a new realm");

        defaults();

        JsonNode mfa = api.get(policy(), api.masterAdminToken()).json().get("mfa");
        assertEquals(List.of("TOTP", "PASSKEY", "SMS"), KeycloakApi.JSON.convertValue(mfa.get("methods"), List.class));
        assertEquals("ANY", mfa.get("adminStrength").asText());
        JsonNode stock = stockRealm();
        assertTrue(stock.get("webAuthnPolicyPasswordlessPasskeysEnabled").asBoolean());
        assertEquals("required", stock.get("webAuthnPolicyPasswordlessResidentKey").asText());
        assertEquals("required", stock.get("webAuthnPolicyPasswordlessUserVerificationRequirement").asText());
        assertEquals("", stock.path("webAuthnPolicyPasswordlessRpId").asText(""),
                "an address cannot be a relying party: Keycloak keeps using the host the browser asked");
    }

    @Test
    void disallowingPasskeysTurnsOffOnlyWhatThePolicyTurnedOn() {
        defaults();
        save(mfa -> mfa.put("enforcement", "OPTIONAL").putArray("methods").add("TOTP").add("PASSKEY"));
        assertTrue(stockRealm().get("webAuthnPolicyPasswordlessPasskeysEnabled").asBoolean());

        save(mfa -> mfa.putArray("methods").add("TOTP"));
        assertFalse(stockRealm().get("webAuthnPolicyPasswordlessPasskeysEnabled").asBoolean(),
                "the policy switched it on, so it switches it off");

        // as the stock console saves it: Keycloak applies the WebAuthn policy only from a whole representation
        ObjectNode stock = (ObjectNode) stockRealm();
        stock.put("webAuthnPolicyPasswordlessPasskeysEnabled", true)
                .put("webAuthnPolicyPasswordlessRpId", "login.example.test");
        assertEquals(204, api.put(realm.adminPath(), api.masterAdminToken(), stock).status());
        save(mfa -> mfa.putArray("methods").add("TOTP").add("PASSKEY"));
        assertEquals("login.example.test", stockRealm().get("webAuthnPolicyPasswordlessRpId").asText(),
                "the admin's relying party is kept");
        save(mfa -> mfa.putArray("methods").add("TOTP"));
        assertTrue(stockRealm().get("webAuthnPolicyPasswordlessPasskeysEnabled").asBoolean(),
                "the admin switched passkeys on in the stock console: they stay on");
    }

    @Test
    void phishingResistantAdminsNeedPasskeysAmongTheMethodsAndAnythingElseIsNamed() {
        defaults();
        save(mfa -> mfa.putArray("methods").add("TOTP").add("PASSKEY"));
        ObjectNode doc = current();
        doc.withObjectProperty("mfa").put("adminStrength", "PHISHING_RESISTANT").putArray("methods").add("TOTP");
        Response refused = api.put(policy(), api.masterAdminToken(), doc);
        assertEquals(400, refused.status(), refused.body());
        assertEquals("mfa.adminStrength", refused.json().at("/errors/0/field").asText());
        assertTrue(refused.json().at("/errors/0/message").asText().contains("PASSKEY"));
        assertEquals("ANY", current().at("/mfa/adminStrength").asText(), "nothing was applied");
        assertTrue(stockRealm().get("webAuthnPolicyPasswordlessPasskeysEnabled").asBoolean());

        ObjectNode wrong = current();
        wrong.withObjectProperty("mfa").put("adminStrength", "STRONG");
        assertEquals("mfa.adminStrength", api.put(policy(), api.masterAdminToken(), wrong).json()
                .at("/errors/0/field").asText());
        ObjectNode missing = current();
        missing.withObjectProperty("mfa").remove("adminStrength");
        Response without = api.put(policy(), api.masterAdminToken(), missing);
        assertEquals(400, without.status());
        assertEquals("mfa.adminStrength", without.json().at("/errors/0/field").asText());
        assertEquals("is required", without.json().at("/errors/0/message").asText());
    }

    @Test
    void previewCountsAdminsWithoutAPasskey() {
        defaults();
        String withPasskey = realm.createUser("ada", PASSWORD, List.of(SecondFactors.passkey("Ada's laptop")));
        String withTotp = realm.createUserWithTotp("bob", PASSWORD, "BobsSecretForTotp001");
        String withNothing = realm.createUser("cyd", PASSWORD);
        realm.createUser("dee", PASSWORD);
        for (String admin : List.of(withPasskey, withTotp, withNothing)) {
            grantAdmin(admin);
        }
        save(mfa -> mfa.put("enforcement", "REQUIRED_ADMINS").putArray("methods").add("TOTP").add("PASSKEY"));

        ObjectNode doc = current();
        doc.withObjectProperty("mfa").put("adminStrength", "PHISHING_RESISTANT");
        Response preview = api.post(policy() + "/preview", api.masterAdminToken(), doc);
        assertEquals(200, preview.status(), preview.body());
        JsonNode warning = warning(preview.json(), "MFA_ADMINS_PASSKEY");
        assertEquals(2, warning.get("count").asInt(), "bob (TOTP only) and cyd (nothing): " + preview.body());
        assertEquals("2 admins have no passkey and will register one at next sign-in.",
                warning.get("message").asText());
        assertEquals("ANY", current().at("/mfa/adminStrength").asText(), "a preview changes nothing");

        save(mfa -> mfa.put("adminStrength", "PHISHING_RESISTANT"));
        assertEquals("PHISHING_RESISTANT", current().at("/mfa/adminStrength").asText());
        assertFalse(api.post(policy() + "/preview", api.masterAdminToken(), current()).body()
                .contains("MFA_ADMINS_PASSKEY"), "no warning when nothing changes");
    }

    @Test
    void adoptionCountsEachMethodAndAPasskeyAloneIsTwoFactor() {
        realm.createUser("eve", PASSWORD, List.of(SecondFactors.passkey("Eve's phone")));
        realm.createUser("fay", PASSWORD, List.of(SecondFactors.passkey("Fay's key"),
                SecondFactors.totp("FaysSecretForTotp001")));
        realm.createUserWithTotp("gus", PASSWORD, "GusSecretForTotp0001");
        realm.createUser("hal", PASSWORD, List.of(SecondFactors.sms("+15555550100")));
        realm.createUser("ida", PASSWORD);

        Response status = api.get(realm.adminPath() + "/security-center/mfa/status", api.masterAdminToken());
        assertEquals(200, status.status(), status.body());
        assertEquals(4, status.json().get("enabled").asInt(), "eve has only a passkey and counts");
        assertEquals(5, status.json().get("total").asInt());
        assertEquals(Map.of("TOTP", 2, "SMS", 1, "EMAIL", 0, "PASSKEY", 2),
                KeycloakApi.JSON.convertValue(status.json().get("byMethod"), Map.class));
    }

    @Test
    void tokenRequestsCannotUseAPasskeySoPasskeyUsersAndPhishingResistantAdminsAreRefused() {
        defaults();
        realm.createUser("joe", PASSWORD, List.of(SecondFactors.passkey("Jo's phone")));
        grantAdmin(realm.createUserWithTotp("kit", PASSWORD, "KitsSecretForTotp001"));
        realm.createUserWithTotp("lou", PASSWORD, "LousSecretForTotp001");
        save(mfa -> mfa.put("enforcement", "REQUIRED_ADMINS").putArray("methods").add("TOTP").add("PASSKEY"));

        Response passkeyOnly = api.passwordGrant(realm.name(), "joe", PASSWORD);
        assertEquals(400, passkeyOnly.status(), "a password alone is not enough for a passkey user: "
                + passkeyOnly.body());
        assertTrue(passkeyOnly.json().get("error_description").asText().contains("passkey"));
        assertTrue(api.token(realm.name(), "kit", PASSWORD, Totp.unusedCode("KitsSecretForTotp001")) != null,
                "an admin with TOTP may use it while any method will do");

        save(mfa -> mfa.put("adminStrength", "PHISHING_RESISTANT"));
        Response admin = api.passwordGrant(realm.name(), "kit", PASSWORD);
        assertEquals(400, admin.status(), admin.body());
        assertEquals("This account must sign in with a passkey; use the browser",
                admin.json().get("error_description").asText());
        assertTrue(api.token(realm.name(), "lou", PASSWORD, Totp.unusedCode("LousSecretForTotp001")) != null,
                "people who are not admins keep their authenticator app");
    }

    private void grantAdmin(String userId) {
        assertEquals(204, api.post(realm.adminPath() + "/users/" + userId + "/role-mappings/realm",
                api.masterAdminToken(), List.of(api.get(realm.adminPath() + "/roles/Admin", api.masterAdminToken())
                        .json())).status());
    }

    private void save(Consumer<ObjectNode> mfa) {
        ObjectNode doc = current();
        ObjectNode section = doc.withObjectProperty("mfa");
        section.putArray("adminRoles").add("Admin");
        mfa.accept(section);
        Response saved = api.put(policy(), api.masterAdminToken(), doc);
        assertEquals(200, saved.status(), saved.body());
    }

    private ObjectNode current() {
        return (ObjectNode) api.get(policy(), api.masterAdminToken()).json();
    }

    private JsonNode stockRealm() {
        return api.get(realm.adminPath(), api.masterAdminToken()).json();
    }

    private String policy() {
        return realm.adminPath() + "/security-center/policy";
    }
}
