package dev.securitycenter.it.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.DemoUsers;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.RealmManagementRoles;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Acme policy assessed against NIST SP 800-63B rev 4 and OWASP ASVS 5.0, then the NIST preset previewed (which
 * saves nothing) and applied, like any save: afterwards no requirement is left NOT_MET.
 */
@ExtendWith(KeycloakTestServer.class)
class StandardsAssessmentIT {

    private static final String PASSWORD = "Quartz-Lantern-Ferry-81!";
    private static KeycloakApi api;
    private static TestRealm realm;
    private static String viewerToken;
    /** A user of the realm without admin roles; signed in first, as the preset then requires 2FA of everyone. */
    private static String userToken;

    @BeforeAll
    static void acmeCopyWithAViewer() {
        api = KeycloakTestServer.api();
        realm = TestRealm.copyOf(api, DemoUsers.REALM, "standards");
        String viewer = realm.createUser("auditor", PASSWORD);
        RealmManagementRoles.grant(api, realm.name(), viewer, "view-realm");
        viewerToken = api.token(realm.name(), "auditor", PASSWORD);
        realm.createUser("nobody", PASSWORD);
        userToken = api.token(realm.name(), "nobody", PASSWORD);
    }

    @AfterAll
    static void deleteRealm() {
        realm.close();
    }

    @Test
    void theAcmePolicyFallsShortThenThePresetMeetsEveryFinding() {
        List<JsonNode> before = findings(viewerToken);
        assertTrue(notMet(before).containsAll(List.of("password.complexity", "password.expiryDays",
                "password.blockBreached")), before.toString());
        for (JsonNode finding : before) {
            assertTrue(finding.get("ref").asText().matches("(NIST 800-63B-4|OWASP ASVS 5\\.0) [0-9.]+"),
                    finding.toString());
            assertFalse(finding.get("message").asText().isBlank(), finding.toString());
        }

        String policyPath = realm.adminPath() + "/security-center/policy";
        String unchanged = api.get(policyPath, api.masterAdminToken()).json().get("password").toString();
        Response preview = api.post(policyPath + "/presets/nist-800-63b/preview", viewerToken, "");
        assertEquals(200, preview.status(), preview.body());
        assertEquals(0, preview.json().get("errors").size(), preview.body());
        assertEquals(15, preview.json().at("/policy/password/minLength").asInt(), preview.body());
        assertTrue(preview.body().contains("PASSWORD_POLICY_STRONGER"), "users to change are counted: "
                + preview.body());
        assertEquals(unchanged, api.get(policyPath, api.masterAdminToken()).json().get("password").toString(),
                "a preview saves nothing");

        assertEquals(403, api.post(policyPath + "/presets/nist-800-63b", viewerToken, "").status(),
                "applying needs manage-realm");
        assertEquals(404, api.post(policyPath + "/presets/nist-900", api.masterAdminToken(), "").status());
        Response applied = api.post(policyPath + "/presets/nist-800-63b", api.masterAdminToken(), "");
        assertEquals(200, applied.status(), applied.body());
        JsonNode password = applied.json().at("/policy/password");
        assertFalse(password.get("requireUppercase").asBoolean() || password.get("requireSpecial").asBoolean());
        assertEquals(0, password.get("expiryDays").asInt());
        assertTrue(password.get("blockCommon").asBoolean() && password.get("blockBreached").asBoolean());
        assertEquals("REQUIRED_ALL", applied.json().at("/policy/mfa/enforcement").asText());
        JsonNode audit = new AuditLog(api, realm.name()).awaitEvent("policy.updated", null,
                event -> event.at("/details/changes").toString().contains("password.expiryDays"));
        assertTrue(audit.at("/details/changes").toString().contains("password.blockBreached"), audit.toString());

        List<JsonNode> after = findings(viewerToken);
        assertEquals(List.of(), notMet(after), after.toString());
        JsonNode phishing = after.stream().filter(f -> f.get("field").asText().equals("mfa.methods")).findFirst()
                .orElseThrow();
        assertEquals("MET", phishing.get("status").asText(), "the preset offers passkeys: " + phishing);
    }

    @Test
    void onlyRealmViewersSeeTheAssessment() {
        assertEquals(403, api.get(realm.adminPath() + "/security-center/policy/assessment", userToken).status());
    }

    private static List<JsonNode> findings(String token) {
        Response response = api.get(realm.adminPath() + "/security-center/policy/assessment", token);
        assertEquals(200, response.status(), response.body());
        return StreamSupport.stream(response.json().get("findings").spliterator(), false).toList();
    }

    private static List<String> notMet(List<JsonNode> findings) {
        return findings.stream().filter(f -> f.get("status").asText().equals("NOT_MET"))
                .map(f -> f.get("field").asText()).distinct().toList();
    }
}
