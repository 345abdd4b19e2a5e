package dev.securitycenter.it.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Totp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.securitycenter.it.support.DemoUsers.ADMIN;
import static dev.securitycenter.it.support.DemoUsers.MANAGER;
import static dev.securitycenter.it.support.DemoUsers.OPERATOR;
import static dev.securitycenter.it.support.DemoUsers.PASSWORD;
import static dev.securitycenter.it.support.DemoUsers.REALM;
import static dev.securitycenter.it.support.DemoUsers.SUPER_ADMIN;
import static dev.securitycenter.it.support.DemoUsers.SUPER_ADMIN_TOTP_SECRET;
import static dev.securitycenter.it.support.DemoUsers.VIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spec's permission table for viewing Settings ▸ Security, on the imported demo realm. */
@ExtendWith(KeycloakTestServer.class)
class PolicyAccessIT {

    private static final String POLICY = "/admin/realms/" + REALM + "/security-center/policy";

    private final KeycloakApi api = KeycloakTestServer.api();

    @Test
    void realmAdminReadsTheDemoRealmsEffectivePolicy() {
        Response response = api.get(POLICY, api.token(REALM, ADMIN, PASSWORD));

        assertEquals(200, response.status(), response.body());
        JsonNode policy = response.json();
        assertEquals(12, policy.at("/password/minLength").asInt());
        assertTrue(policy.at("/password/requireUppercase").asBoolean());
        assertTrue(policy.at("/password/requireLowercase").asBoolean());
        assertTrue(policy.at("/password/requireDigits").asBoolean());
        assertTrue(policy.at("/password/requireSpecial").asBoolean());
        assertEquals(90, policy.at("/password/expiryDays").asInt());
        assertEquals(5, policy.at("/password/preventReuse").asInt());
        assertEquals(30, policy.at("/sessions/idleTimeoutMinutes").asInt());
        assertEquals(24, policy.at("/sessions/maxLifetimeHours").asInt());
        assertEquals(5, policy.at("/lockout/maxFailures").asInt());
        assertEquals(30, policy.at("/lockout/durationMinutes").asInt());
        assertFalse(policy.get("configured").asBoolean());
    }

    @Test
    void superAdminSignedInWithTotpMayView() {
        String token = api.token(REALM, SUPER_ADMIN, PASSWORD, Totp.unusedCode(SUPER_ADMIN_TOTP_SECRET));
        assertEquals(200, api.get(POLICY, token).status());
    }

    @Test
    void managerMayView() {
        assertEquals(200, api.get(POLICY, api.token(REALM, MANAGER, PASSWORD)).status());
    }

    @Test
    void operatorAndViewerMayNot() {
        assertEquals(403, api.get(POLICY, api.token(REALM, OPERATOR, PASSWORD)).status());
        assertEquals(403, api.get(POLICY, api.token(REALM, VIEWER, PASSWORD)).status());
    }

    @Test
    void anotherRealmsAdminMayNot() {
        String globexAdmin = api.token("globex", "globex.admin", "Globex-Admin-2026!");
        assertEquals(200, api.get("/admin/realms/globex/security-center/policy", globexAdmin).status(),
                "the same token works on its own realm");
        assertEquals(403, api.get(POLICY, globexAdmin).status());
    }

    @Test
    void masterRealmAdminMayView() {
        assertEquals(200, api.get(POLICY, api.masterAdminToken()).status());
    }

    @Test
    void noTokenIsUnauthorized() {
        assertEquals(401, api.get(POLICY, null).status());
    }

    @Test
    void forgedTokenIsUnauthorized() {
        String token = api.token(REALM, ADMIN, PASSWORD);
        String tampered = token.substring(0, token.length() - 4) + "AAAA";
        assertEquals(401, api.get(POLICY, tampered).status());
    }
}
