package dev.securitycenter.it.mfa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.BrowserSession.Page;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import dev.securitycenter.it.support.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** REQUIRED_ALL and REQUIRED_ADMINS walk the people concerned through enrolment at their next sign-in. */
@ExtendWith(KeycloakTestServer.class)
class SecondFactorEnforcementIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36";

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;

    @BeforeEach
    void configuredRealm() {
        realm = TestRealm.create(api, "mfa-enforce", Map.of(
                "roles", Map.of("realm", List.of(Map.of("name", "Admin")))));
        assertEquals(200, api.post(policy() + "/defaults", api.masterAdminToken(), "").status());
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void requiredForAllMakesAUserWithout2faEnrolAtSignIn() {
        realm.createUser("tara", PASSWORD);
        enforce("REQUIRED_ALL");

        BrowserSession browser = new BrowserSession(api.baseUrl(), realm.name(), UA);
        Page setup = browser.signIn("tara", PASSWORD);
        assertTrue(setup.hasField("totpSecret"), "the authenticator set-up page: " + setup.body());
        String secret = setup.fieldValue("totpSecret");
        Page done = setup.submit(Map.of("totp", Totp.code(secret), "totpSecret", secret, "userLabel", "Phone"));
        assertNotNull(browser.tokens(done).get("access_token"));
        new AuditLog(api, realm.name()).awaitEvent("auth.2fa_enabled", "tara");
    }

    @Test
    void requiredForAllAsksEnrolledUsersForTheirCode() {
        realm.createUserWithTotp("uri", PASSWORD, "UrisSecretForTotp001");
        enforce("REQUIRED_ALL");

        Page code = new BrowserSession(api.baseUrl(), realm.name(), UA).signIn("uri", PASSWORD);
        assertTrue(code.hasField("otp"), "asked for a code: " + code.body());
        assertTrue(code.submit(Map.of("otp", Totp.unusedCode("UrisSecretForTotp001"))).code() != null);
    }

    @Test
    void requiredForAdminsConcernsOnlyHoldersOfTheAdminRoles() {
        String admin = realm.createUser("vic", PASSWORD);
        realm.createUser("wes", PASSWORD);
        assertEquals(204, api.post(realm.adminPath() + "/users/" + admin + "/role-mappings/realm",
                api.masterAdminToken(), List.of(api.get(realm.adminPath() + "/roles/Admin", api.masterAdminToken())
                        .json())).status());
        enforce("REQUIRED_ADMINS");

        assertTrue(new BrowserSession(api.baseUrl(), realm.name(), UA).signIn("vic", PASSWORD)
                .hasField("totpSecret"), "the admin must enrol");
        assertTrue(new BrowserSession(api.baseUrl(), realm.name(), UA).signIn("wes", PASSWORD).code() != null,
                "everyone else signs in as before");
    }

    @Test
    void tokenRequestWithoutRequired2faIsRefusedWithAReason() {
        realm.createUser("xena", PASSWORD);
        assertEquals(200, grant("xena").status(), "optional: fine");
        enforce("REQUIRED_ALL");

        Response refused = grant("xena");
        assertEquals(400, refused.status(), refused.body());
        assertEquals("Two-factor authentication must be set up before signing in",
                refused.json().get("error_description").asText());
    }

    private void enforce(String enforcement) {
        ObjectNode doc = (ObjectNode) api.get(policy(), api.masterAdminToken()).json();
        doc.withObjectProperty("mfa").put("enforcement", enforcement).putArray("adminRoles").add("Admin");
        Response saved = api.put(policy(), api.masterAdminToken(), doc);
        assertEquals(200, saved.status(), saved.body());
    }

    private Response grant(String username) {
        return api.passwordGrant(realm.name(), username, PASSWORD);
    }

    private String policy() {
        return realm.adminPath() + "/security-center/policy";
    }
}
