package dev.securitycenter.it.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /policy reflects what Keycloak itself enforces: every value is changed here through Keycloak's stock admin
 * REST API (what the stock admin console calls) and read back through ours.
 */
@ExtendWith(KeycloakTestServer.class)
class PolicyReadIT {

    private final KeycloakApi api = KeycloakTestServer.api();
    private String admin;
    private String realm;

    @BeforeEach
    void createRealm() {
        admin = api.masterAdminToken();
        realm = "policy-read-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, api.post("/admin/realms", admin, Map.of("realm", realm, "enabled", true)).status());
    }

    @AfterEach
    void deleteRealm() {
        assertEquals(204, api.delete("/admin/realms/" + realm, admin).status());
    }

    @Test
    void passwordPolicyStringIsProjectedIntoRules() {
        updateRealm(Map.of("passwordPolicy",
                "hashAlgorithm(pbkdf2-sha512) and length(14) and upperCase(2) and digits(1) and notUsername"
                        + " and forceExpiredPasswordChange(60) and passwordHistory(10)"));

        JsonNode password = policy().get("password");

        assertEquals(14, password.get("minLength").asInt());
        assertTrue(password.get("requireUppercase").asBoolean());
        assertFalse(password.get("requireLowercase").asBoolean());
        assertTrue(password.get("requireDigits").asBoolean());
        assertFalse(password.get("requireSpecial").asBoolean());
        assertEquals(60, password.get("expiryDays").asInt());
        assertEquals(10, password.get("preventReuse").asInt());
    }

    @Test
    void realmWithoutPasswordPolicyHasNoMinimumAndNothingRequired() {
        JsonNode password = policy().get("password");

        assertTrue(password.get("minLength").isNull());
        assertFalse(password.get("requireUppercase").asBoolean());
        assertEquals(0, password.get("expiryDays").asInt());
        assertEquals(0, password.get("preventReuse").asInt());
    }

    @Test
    void ssoTimeoutsAreShownInTheSpecsUnits() {
        updateRealm(Map.of("ssoSessionIdleTimeout", 3600, "ssoSessionMaxLifespan", 12 * 3600));

        JsonNode sessions = policy().get("sessions");

        assertEquals(60, sessions.get("idleTimeoutMinutes").asInt());
        assertEquals(12, sessions.get("maxLifetimeHours").asInt());
        assertTrue(sessions.get("maxConcurrentSessions").isNull(), "no session limit step means unlimited");
    }

    @Test
    void idleTimeoutNoShorterThanTheAbsoluteLifetimeIsNever() {
        updateRealm(Map.of("ssoSessionIdleTimeout", 8 * 3600, "ssoSessionMaxLifespan", 8 * 3600));

        assertTrue(policy().get("sessions").get("idleTimeoutMinutes").isNull());
    }

    @Test
    void sessionLimitComesFromTheBoundBrowserFlow() {
        String flow = "limited-browser";
        assertEquals(201, api.post(flowsPath() + "/browser/copy", admin, Map.of("newName", flow)).status());
        assertEquals(201, api.post(flowsPath() + "/" + flow + "/executions/execution", admin,
                Map.of("provider", "user-session-limits")).status());
        JsonNode limiter = executions(flow).stream()
                .filter(e -> "user-session-limits".equals(e.path("providerId").asText()))
                .findFirst().orElseThrow();
        ((com.fasterxml.jackson.databind.node.ObjectNode) limiter).put("requirement", "REQUIRED");
        assertEquals(204, api.put(flowsPath() + "/" + flow + "/executions", admin, limiter).status());
        assertEquals(201, api.post("/admin/realms/" + realm + "/authentication/executions/"
                        + limiter.get("id").asText() + "/config", admin,
                Map.of("alias", "limit-two", "config", Map.of("userRealmLimit", "2",
                        "behavior", "Terminate oldest session"))).status());

        assertTrue(policy().get("sessions").get("maxConcurrentSessions").isNull(),
                "a flow that is not bound does not limit anything");

        updateRealm(Map.of("browserFlow", flow));
        assertEquals(2, policy().get("sessions").get("maxConcurrentSessions").asInt());
    }

    @Test
    void bruteForceSettingsAreTheLockoutRules() {
        updateRealm(Map.of("bruteForceProtected", true, "failureFactor", 10, "permanentLockout", false,
                "waitIncrementSeconds", 3600, "maxFailureWaitSeconds", 3600));
        JsonNode lockout = policy().get("lockout");
        assertEquals(10, lockout.get("maxFailures").asInt());
        assertEquals(60, lockout.get("durationMinutes").asInt());

        updateRealm(Map.of("permanentLockout", true, "maxTemporaryLockouts", 0));
        assertTrue(policy().get("lockout").get("durationMinutes").isNull(), "permanent lockout is manual unlock");

        updateRealm(Map.of("bruteForceProtected", false));
        assertTrue(policy().get("lockout").get("maxFailures").isNull(), "no brute-force detection is Never");
    }

    @Test
    void realmNeverSetUpReportsNotConfiguredWithTheSpecDefaultsForOurOwnSettings() {
        JsonNode policy = policy();

        assertFalse(policy.get("configured").asBoolean());
        assertTrue(policy.get("updatedAt").isNull());
        assertEquals("OPTIONAL", policy.get("mfa").get("enforcement").asText());
        assertEquals(List.of("TOTP", "SMS"), KeycloakApi.JSON.convertValue(policy.get("mfa").get("methods"),
                List.class));
        assertTrue(policy.get("lockout").get("emailUser").asBoolean());
        assertTrue(policy.get("lockout").get("notifyAdmins").asBoolean());
        assertFalse(policy.get("ipAllowlist").get("enabled").asBoolean());
        assertEquals(0, policy.get("ipAllowlist").get("entries").size());
        assertFalse(policy.get("sso").get("required").asBoolean());
    }

    private JsonNode policy() {
        Response response = api.get("/admin/realms/" + realm + "/security-center/policy", admin);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private void updateRealm(Map<String, Object> changes) {
        Response response = api.put("/admin/realms/" + realm, admin, changes);
        assertEquals(204, response.status(), response.body());
    }

    private String flowsPath() {
        return "/admin/realms/" + realm + "/authentication/flows";
    }

    private List<JsonNode> executions(String flow) {
        Response response = api.get(flowsPath() + "/" + flow + "/executions", admin);
        assertEquals(200, response.status(), response.body());
        return java.util.stream.StreamSupport.stream(response.json().spliterator(), false).toList();
    }
}
