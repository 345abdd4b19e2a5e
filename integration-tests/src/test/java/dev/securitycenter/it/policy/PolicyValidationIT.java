package dev.securitycenter.it.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every validation rule answers 400 naming the field, and a refused document changes nothing at all. */
@ExtendWith(KeycloakTestServer.class)
class PolicyValidationIT {

    private static KeycloakApi api;
    private static TestRealm realm;
    private static String policyPath;

    @BeforeAll
    static void configuredRealm() {
        api = KeycloakTestServer.api();
        realm = TestRealm.create(api, "policy-validation", Map.of());
        policyPath = realm.adminPath() + "/security-center/policy";
        assertEquals(200, api.post(policyPath + "/defaults", api.masterAdminToken(), "").status());
    }

    @AfterAll
    static void deleteRealm() {
        realm.close();
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                rule("password.minLength", d -> d.withObjectProperty("password").put("minLength", 7)),
                rule("password.minLength", d -> d.withObjectProperty("password").put("minLength", 21)),
                rule("password.complexity", d -> d.withObjectProperty("password").put("requireUppercase", false)
                        .put("requireLowercase", false).put("requireDigits", false).put("requireSpecial", false)
                        .put("blockCommon", false)),
                rule("password.expiryDays", d -> d.withObjectProperty("password").put("expiryDays", 366)),
                rule("password.preventReuse", d -> d.withObjectProperty("password").put("preventReuse", 16)),
                rule("sessions.idleTimeoutMinutes", d -> d.withObjectProperty("sessions").put("idleTimeoutMinutes", 10)),
                rule("sessions.maxLifetimeHours", d -> d.withObjectProperty("sessions").put("maxLifetimeHours", 169)),
                rule("sessions.maxConcurrentSessions", d -> d.withObjectProperty("sessions").put("maxConcurrentSessions", 0)),
                rule("lockout.maxFailures", d -> d.withObjectProperty("lockout").put("maxFailures", 2)),
                rule("lockout.durationMinutes", d -> d.withObjectProperty("lockout").put("durationMinutes", 5)),
                rule("mfa.enforcement", d -> d.withObjectProperty("mfa").put("enforcement", "SOMETIMES")),
                rule("mfa.methods[1]", d -> d.withObjectProperty("mfa").putArray("methods").add("TOTP").add("PIGEON")),
                rule("mfa.methods", d -> d.withObjectProperty("mfa").putArray("methods").add("TOTP").add("TOTP")),
                rule("mfa.methods", d -> d.withObjectProperty("mfa").put("enforcement", "REQUIRED_ALL").putArray("methods")),
                rule("mfa.adminRoles[0]", d -> d.withObjectProperty("mfa").putArray("adminRoles").add("Wizard")),
                rule("ipAllowlist.entries[0].value", d -> entries(d).addObject().put("value", "10.0.0.1/24")),
                rule("ipAllowlist.entries[0].value", d -> entries(d).addObject().put("value", "intranet.local")),
                rule("ipAllowlist.entries[1].value", d -> {
                    entries(d).addObject().put("value", "10.0.0.0/24");
                    entries(d).addObject().put("value", "10.0.0.0/24 ");
                }),
                rule("ipAllowlist.entries[0].label", d -> entries(d).addObject().put("value", "10.0.0.0/8")
                        .put("label", "x".repeat(101))),
                rule("ipAllowlist.entries", d -> d.withObjectProperty("ipAllowlist").put("enabled", true).putArray("entries")),
                rule("ipAllowlist.entries", d -> {
                    ArrayNode many = entries(d);
                    for (int i = 0; i <= 10_000; i++) {
                        many.addObject().put("value", "10." + (i / 256) + "." + (i % 256) + ".1");
                    }
                }),
                rule("password.colour", d -> d.withObjectProperty("password").put("colour", "blue")),
                rule("theme", d -> d.put("theme", "dark")),
                rule("ipAllowlist.entries[0].owner", d -> entries(d).addObject().put("value", "10.0.0.0/8")
                        .put("owner", "me")),
                rule("sessions.maxLifetimeHours", d -> d.withObjectProperty("sessions").remove("maxLifetimeHours")),
                rule("sso", d -> d.remove("sso")),
                rule("notifications", d -> d.remove("notifications")),
                rule("notifications.newSignIn", d -> d.withObjectProperty("notifications").put("newSignIn", "yes")),
                rule("notifications.adminEachLockout",
                        d -> d.withObjectProperty("notifications").remove("adminEachLockout")),
                rule("notifications.digest", d -> d.withObjectProperty("notifications").put("digest", true)),
                rule("password.minLength", d -> d.withObjectProperty("password").put("minLength", "12")),
                rule("password.minLength", d -> d.withObjectProperty("password").put("minLength", 12.5)),
                rule("lockout.emailUser", d -> d.withObjectProperty("lockout").put("emailUser", "yes")),
                rule("mfa.methods", d -> d.withObjectProperty("mfa").put("methods", "TOTP")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void brokenRuleIsRefusedAndNothingChanges(String field, Consumer<ObjectNode> breakIt) {
        JsonNode before = policy();
        ObjectNode doc = before.deepCopy();
        breakIt.accept(doc);

        Response response = api.put(policyPath, api.masterAdminToken(), doc);

        assertEquals(400, response.status(), response.body());
        List<String> fields = response.json().get("errors").findValuesAsText("field");
        assertTrue(fields.contains(field), field + " not in " + response.body());
        assertEquals(before, policy(), "a refused document changed nothing");
    }

    @Test
    void malformedBodiesAreA400NotA500() {
        for (String body : List.of("{", "[]", "\"policy\"", "", "null", "{\"password\": }")) {
            Response response = api.put(policyPath, api.masterAdminToken(), body);
            assertEquals(400, response.status(), body + " -> " + response.body());
            assertEquals(1, response.json().get("errors").size());
        }
    }

    @Test
    void allBrokenRulesAreReportedTogether() {
        ObjectNode doc = policy().deepCopy();
        doc.withObjectProperty("password").put("minLength", 30);
        doc.withObjectProperty("lockout").put("maxFailures", 99);
        Response response = api.put(policyPath, api.masterAdminToken(), doc);
        assertEquals(400, response.status());
        assertEquals(List.of("password.minLength", "lockout.maxFailures"),
                response.json().get("errors").findValuesAsText("field"));
    }

    @Test
    void aRefusedSaveLeavesNoAuditEvent() {
        AuditLog audit = new AuditLog(api, realm.name());
        int before = audit.events("type=policy.updated").size();
        ObjectNode doc = policy().deepCopy();
        doc.withObjectProperty("password").put("minLength", 4);
        assertEquals(400, api.put(policyPath, api.masterAdminToken(), doc).status());
        assertEquals(before, audit.events("type=policy.updated").size());
    }

    private static JsonNode policy() {
        Response response = api.get(policyPath, api.masterAdminToken());
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private static ArrayNode entries(ObjectNode doc) {
        return (ArrayNode) doc.withObjectProperty("ipAllowlist").get("entries");
    }

    private static Arguments rule(String field, Consumer<ObjectNode> breakIt) {
        return Arguments.of(field, breakIt);
    }
}
