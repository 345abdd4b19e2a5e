package dev.securitycenter.it.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PUT and defaults write every part of the policy through to where Keycloak keeps it, atomically. */
@ExtendWith(KeycloakTestServer.class)
class PolicyWriteIT {

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;
    private String admin;

    @BeforeEach
    void createRealm() {
        realm = TestRealm.create(api, "policy-write", Map.of(
                "passwordPolicy", "hashAlgorithm(pbkdf2-sha512) and notUsername and digits(2)",
                "roles", Map.of("realm", List.of(Map.of("name", "Admin"), Map.of("name", "Auditor")))));
        admin = api.masterAdminToken();
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void documentReadWithGetIsAcceptedBackAsIs() {
        JsonNode before = recommended();
        Response saved = put(before);
        assertEquals(200, saved.status(), saved.body());
        JsonNode after = saved.json().get("policy");
        assertTrue(after.get("configured").asBoolean());
        assertEquals("admin", after.get("updatedBy").asText());
        assertTrue(after.get("updatedAt").asText().compareTo(before.get("updatedAt").asText()) >= 0);
        ((ObjectNode) before).remove(List.of("configured", "updatedAt", "updatedBy"));
        ((ObjectNode) after).remove(List.of("configured", "updatedAt", "updatedBy"));
        assertEquals(before, after, "saving what was read changes nothing");
    }

    /**
     * An API client written against 0.1.0 does not know the fields added since ({@code sso.breakGlassRole}): it may
     * leave them out of a save or a preview, and they keep the realm's values; a field of 0.1.0 is still required.
     */
    @Test
    void aFieldAddedSinceTheFirstReleaseMayBeLeftOutAndKeepsItsValue() {
        ObjectNode doc = recommended();
        doc.withObjectProperty("sso").put("breakGlassRole", "Auditor");
        assertEquals(200, put(doc).status());

        ((ObjectNode) doc.get("sso")).remove("breakGlassRole");
        doc.withObjectProperty("password").put("minLength", 14);
        Response preview = api.post(policyPath() + "/preview", admin, doc);
        assertEquals(0, preview.json().get("errors").size(), preview.body());
        Response saved = put(doc);
        assertEquals(200, saved.status(), saved.body());
        JsonNode read = policy();
        assertEquals(14, read.at("/password/minLength").asInt());
        assertEquals("Auditor", read.at("/sso/breakGlassRole").asText(), "left out, so kept");

        ((ObjectNode) doc.get("sso")).remove("required");
        Response refused = put(doc);
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("\"field\":\"sso.required\""), refused.body());
    }

    @Test
    void everyFieldIsWrittenWhereKeycloakKeepsIt() {
        ObjectNode doc = recommended();
        doc.withObjectProperty("password").put("minLength", 14).put("requireSpecial", false).put("expiryDays", 60)
                .put("preventReuse", 10);
        doc.withObjectProperty("sessions").put("idleTimeoutMinutes", 60).put("maxLifetimeHours", 12).put("maxConcurrentSessions", 2);
        doc.withObjectProperty("lockout").put("maxFailures", 10).put("durationMinutes", 120).put("emailUser", false);
        doc.withObjectProperty("mfa").put("enforcement", "REQUIRED_ADMINS").set("adminRoles", array("Admin", "Auditor"));
        realm.addIdentityProvider("corporate", "Corporate SSO");
        doc.withObjectProperty("sso").put("required", true);
        assertEquals(200, put(doc).status());

        JsonNode stock = api.get(realm.adminPath(), admin).json();
        String passwordPolicy = stock.get("passwordPolicy").asText();
        for (String expected : List.of("length(14)", "upperCase(1)", "lowerCase(1)", "digits(2)",
                "forceExpiredPasswordChange(60)", "passwordHistory(10)", "hashAlgorithm(pbkdf2-sha512)",
                "notUsername")) {
            assertTrue(passwordPolicy.contains(expected), expected + " in " + passwordPolicy);
        }
        assertFalse(passwordPolicy.contains("specialChars"), passwordPolicy);
        assertEquals(3600, stock.get("ssoSessionIdleTimeout").asInt());
        assertEquals(12 * 3600, stock.get("ssoSessionMaxLifespan").asInt());
        assertTrue(stock.get("bruteForceProtected").asBoolean());
        assertEquals(10, stock.get("failureFactor").asInt());
        assertEquals(0, stock.get("quickLoginCheckMilliSeconds").asInt(), "only the policy's threshold locks");
        assertFalse(stock.get("permanentLockout").asBoolean());
        assertEquals(7200, stock.get("waitIncrementSeconds").asInt());
        assertEquals(7200, stock.get("maxFailureWaitSeconds").asInt());
        assertEquals("security-center browser", stock.get("browserFlow").asText());
        assertEquals("security-center direct grant", stock.get("directGrantFlow").asText());
        assertTrue(stock.get("eventsListeners").toString().contains("security-center-audit"));

        JsonNode read = policy();
        assertEquals(2, read.at("/sessions/maxConcurrentSessions").asInt(), "the limit lives in the bound flow");
        assertEquals("REQUIRED_ADMINS", read.at("/mfa/enforcement").asText());
        assertEquals(array("Admin", "Auditor"), read.at("/mfa/adminRoles"));
        assertFalse(read.at("/lockout/emailUser").asBoolean());
        assertTrue(read.at("/sso/required").asBoolean());
    }

    @Test
    void neverAndManualUnlockAndUnlimitedAreKeycloakSettingsToo() {
        ObjectNode doc = recommended();
        doc.withObjectProperty("sessions").putNull("idleTimeoutMinutes").putNull("maxConcurrentSessions");
        doc.withObjectProperty("lockout").putNull("durationMinutes");
        assertEquals(200, put(doc).status());

        JsonNode stock = api.get(realm.adminPath(), admin).json();
        assertEquals(stock.get("ssoSessionMaxLifespan").asInt(), stock.get("ssoSessionIdleTimeout").asInt());
        assertTrue(stock.get("permanentLockout").asBoolean());
        assertEquals(0, stock.get("maxTemporaryLockouts").asInt());
        JsonNode read = policy();
        assertTrue(read.at("/sessions/idleTimeoutMinutes").isNull());
        assertTrue(read.at("/sessions/maxConcurrentSessions").isNull());
        assertTrue(read.at("/lockout/durationMinutes").isNull());

        doc.withObjectProperty("lockout").putNull("maxFailures");
        assertEquals(200, put(doc).status());
        assertFalse(api.get(realm.adminPath(), admin).json().get("bruteForceProtected").asBoolean());
    }

    @Test
    void defaultsAreTheSpecsRecommendedPolicy() {
        assertFalse(policy().get("configured").asBoolean());
        Response applied = api.post(policyPath() + "/defaults", admin, "");
        assertEquals(200, applied.status(), applied.body());

        JsonNode policy = policy();
        assertTrue(policy.get("configured").asBoolean());
        assertEquals(12, policy.at("/password/minLength").asInt());
        assertTrue(policy.at("/password/requireSpecial").asBoolean());
        assertEquals(90, policy.at("/password/expiryDays").asInt());
        assertEquals(5, policy.at("/password/preventReuse").asInt());
        assertEquals(30, policy.at("/sessions/idleTimeoutMinutes").asInt());
        assertEquals(24, policy.at("/sessions/maxLifetimeHours").asInt());
        assertEquals(3, policy.at("/sessions/maxConcurrentSessions").asInt());
        assertEquals("OPTIONAL", policy.at("/mfa/enforcement").asText());
        assertEquals(array("Admin"), policy.at("/mfa/adminRoles"), "only the default admin roles this realm has");
        assertEquals(5, policy.at("/lockout/maxFailures").asInt());
        assertEquals(30, policy.at("/lockout/durationMinutes").asInt());
        assertFalse(policy.at("/ipAllowlist/enabled").asBoolean());
    }

    /** The realm's own admins are subject to its list (master admins are not: IpAllowlistIT). */
    @Test
    void allowlistIsCanonicalisedAndTheRealmAdminsOwnAddressIsAddedWhenEnabling() {
        ObjectNode doc = recommended();
        String ownAdmin = realmAdminToken("ruth");
        ArrayNode entries = doc.withObjectProperty("ipAllowlist").put("enabled", true).putArray("entries");
        entries.addObject().put("value", " 10.0.0.0/24 ").put("label", "Office");
        entries.addObject().put("value", "2001:DB8:0:0::/32").putNull("label");
        Response saved = api.put(policyPath(), ownAdmin, doc);
        assertEquals(200, saved.status(), saved.body());

        assertEquals("CALLER_ADDRESS_ADDED", saved.json().at("/notices/0/code").asText());
        JsonNode stored = policy().at("/ipAllowlist/entries");
        assertEquals(3, stored.size());
        assertEquals("10.0.0.0/24", stored.get(0).get("value").asText());
        assertEquals("Office", stored.get(0).get("label").asText());
        assertEquals("ruth", stored.get(0).get("createdBy").asText());
        assertEquals("2001:db8::/32", stored.get(1).get("value").asText());
        assertEquals("127.0.0.1", stored.get(2).get("value").asText());

        ObjectNode covered = recommended();
        covered.withObjectProperty("ipAllowlist").put("enabled", true).putArray("entries").addObject().put("value", "127.0.0.0/8");
        Response again = api.put(policyPath(), ownAdmin, covered);
        assertEquals(200, again.status(), again.body());
        assertEquals(0, again.json().get("notices").size(), "an address already covered is not added");
        assertEquals(1, policy().at("/ipAllowlist/entries").size());
    }

    @Test
    void aLowerSessionLimitEndsTheOldestSessionsAtOnce() {
        realm.createUser("kate", "Correct-Horse-42!");
        String userId = api.get(realm.adminPath() + "/users?username=kate&exact=true", admin).json().get(0)
                .get("id").asText();
        for (int i = 0; i < 3; i++) {
            api.token(realm.name(), "kate", "Correct-Horse-42!");
        }
        List<JsonNode> before = sessions(userId);
        assertEquals(3, before.size());
        long newest = before.stream().mapToLong(s -> s.get("start").asLong()).max().orElseThrow();

        ObjectNode doc = recommended();
        doc.withObjectProperty("sessions").put("maxConcurrentSessions", 1);
        Response saved = put(doc);
        assertEquals(200, saved.status(), saved.body());
        assertEquals(2, saved.json().get("terminatedSessions").asInt());
        List<JsonNode> after = sessions(userId);
        assertEquals(1, after.size());
        assertEquals(newest, after.get(0).get("start").asLong(), "the newest session is the one kept");
    }

    @Test
    void savingRecordsEveryChangedFieldInTheAuditLog() {
        ObjectNode doc = recommended();
        assertEquals(200, put(doc).status());
        doc.withObjectProperty("password").put("minLength", 16);
        assertEquals(200, put(doc).status());

        JsonNode event = new AuditLog(api, realm.name()).awaitEvent("policy.updated", null,
                e -> e.at("/details/changes").toString().contains("password.minLength")
                        && "security-center".equals(e.at("/details/source").asText()));
        assertEquals("admin", event.get("actorUsername").asText());
        JsonNode change = event.at("/details/changes/0");
        assertEquals("password.minLength", change.get("field").asText());
        assertEquals(12, change.get("from").asInt());
        assertEquals(16, change.get("to").asInt());
        assertEquals(1, event.at("/details/changes").size(), "nothing else changed");
    }

    /** A user of the realm holding its realm-admin role, signed in from this machine. */
    private String realmAdminToken(String username) {
        String userId = realm.createUser(username, "Correct-Horse-42!");
        String realmManagement = api.get(realm.adminPath() + "/clients?clientId=realm-management", admin).json()
                .get(0).get("id").asText();
        assertEquals(204, api.post(realm.adminPath() + "/users/" + userId + "/role-mappings/clients/"
                + realmManagement, admin, List.of(api.get(realm.adminPath() + "/clients/" + realmManagement
                + "/roles/realm-admin", admin).json())).status());
        return api.token(realm.name(), username, "Correct-Horse-42!");
    }

    private List<JsonNode> sessions(String userId) {
        Response response = api.get(realm.adminPath() + "/users/" + userId + "/sessions", admin);
        assertEquals(200, response.status(), response.body());
        return java.util.stream.StreamSupport.stream(response.json().spliterator(), false).toList();
    }

    private ObjectNode recommended() {
        api.post(policyPath() + "/defaults", admin, "");
        return (ObjectNode) policy();
    }

    private JsonNode policy() {
        Response response = api.get(policyPath(), admin);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private Response put(JsonNode doc) {
        return api.put(policyPath(), admin, doc);
    }

    private String policyPath() {
        return realm.adminPath() + "/security-center/policy";
    }

    private static ArrayNode array(String... values) {
        ArrayNode array = KeycloakApi.JSON.createArrayNode();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }
}
