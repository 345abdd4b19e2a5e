package dev.securitycenter.it.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.TestRealm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two realms the sign-in harnesses compare: one with the Security Center policy and every rule on — 14
 * characters with all four classes, expiry 90 days, last 5 passwords, 30 min idle / 12 h max, 3 concurrent sessions
 * (terminate oldest), lockout 5 / 30 min with user and admin mails, 2FA required for admins, an IP allowlist of
 * 1,000 entries that admits this machine — on the managed flows; the other with the same built-in settings
 * (password policy without the extension's entries, brute-force detector, SSO idle / max) on Keycloak's stock flows,
 * with Keycloak's session limiter (3, terminate oldest) added to its browser flow as the policy adds it.
 */
final class ComparedRealms {

    static final int ALLOWLIST_ENTRIES = 1000;
    private static final String[] BUILT_IN_SETTINGS = {"passwordPolicy", "bruteForceProtected", "permanentLockout",
        "failureFactor", "waitIncrementSeconds", "maxFailureWaitSeconds", "maxDeltaTimeSeconds",
        "quickLoginCheckMilliSeconds", "minimumQuickLoginWaitSeconds", "ssoSessionIdleTimeout",
        "ssoSessionMaxLifespan"};

    private ComparedRealms() {
    }

    /** Makes the two compared realms what the class comment says: every rule on in one, its built-ins in the other. */
    static void configure(KeycloakApi api, TestRealm managed, TestRealm stock) {
        turnEveryPolicyOn(api, managed);
        copyBuiltInSettings(api, managed, stock);
    }

    /** Applies the defaults, then turns every rule on (see the class comment). */
    private static void turnEveryPolicyOn(KeycloakApi api, TestRealm realm) {
        String policy = realm.adminPath() + "/security-center/policy";
        assertEquals(200, api.post(policy + "/defaults", api.masterAdminToken(), "").status());
        ObjectNode doc = (ObjectNode) api.get(policy, api.masterAdminToken()).json();
        doc.withObjectProperty("password").put("minLength", 14).put("requireUppercase", true)
                .put("requireLowercase", true).put("requireDigits", true).put("requireSpecial", true)
                .put("expiryDays", 90).put("preventReuse", 5);
        doc.withObjectProperty("sessions").put("idleTimeoutMinutes", 30).put("maxLifetimeHours", 12)
                .put("maxConcurrentSessions", 3);
        doc.withObjectProperty("lockout").put("maxFailures", 5).put("durationMinutes", 30)
                .put("emailUser", true).put("notifyAdmins", true);
        assertEquals(201, api.post(realm.adminPath() + "/roles", api.masterAdminToken(), Map.of("name", "Admin"))
                .status());
        doc.withObjectProperty("mfa").put("enforcement", "REQUIRED_ADMINS").putArray("adminRoles").add("Admin");
        ArrayNode entries = doc.withObjectProperty("ipAllowlist").put("enabled", true).putArray("entries");
        for (int i = 0; i < ALLOWLIST_ENTRIES - 2; i++) {
            entries.addObject().put("value", "10." + i / 256 + "." + i % 256 + ".0/24")
                    .put("label", "office " + i);
        }
        entries.addObject().put("value", "127.0.0.1").put("label", "this machine");
        entries.addObject().put("value", "::1/128").put("label", "this machine, IPv6");
        var saved = api.put(policy, api.masterAdminToken(), doc);
        assertEquals(200, saved.status(), saved.body());
    }

    /** The stock realm gets what Keycloak itself enforces, minus the extension's own password-policy entries. */
    private static void copyBuiltInSettings(KeycloakApi api, TestRealm from, TestRealm to) {
        JsonNode source = api.get(from.adminPath(), api.masterAdminToken()).json();
        Map<String, Object> settings = new HashMap<>();
        for (String name : BUILT_IN_SETTINGS) {
            settings.put(name, source.get(name).isNumber() ? source.get(name).asLong()
                    : source.get(name).isBoolean() ? source.get(name).asBoolean() : source.get(name).asText());
        }
        settings.put("passwordPolicy", Stream.of(source.get("passwordPolicy").asText().split(" and "))
                .filter(entry -> !entry.startsWith("securityCenter"))
                .collect(Collectors.joining(" and ")));
        to.update(settings);
        limitSessionsLikeThePolicy(api, to);
    }

    /**
     * The policy's 3 concurrent sessions are Keycloak's own session limiter in the managed flow, which lists the
     * user's sessions and ends the oldest: the stock realm gets the same authenticator after its password form, so
     * the comparison measures the extension, not the limit a hand-configured realm would pay as well.
     */
    private static void limitSessionsLikeThePolicy(KeycloakApi api, TestRealm realm) {
        String flows = realm.adminPath() + "/authentication/flows";
        String token = api.masterAdminToken();
        assertEquals(201, api.post(flows + "/browser/copy", token, Map.of("newName", "limited")).status());
        String forms = flows + "/" + URLEncoder.encode("limited forms", StandardCharsets.UTF_8).replace("+", "%20");
        assertEquals(201, api.post(forms + "/executions/execution", token, Map.of("provider", "user-session-limits"))
                .status());
        JsonNode limiter = StreamSupport.stream(api.get(forms + "/executions", token).json().spliterator(), false)
                .filter(execution -> "user-session-limits".equals(execution.path("providerId").asText()))
                .findFirst().orElseThrow();
        ObjectNode required = ((ObjectNode) limiter.deepCopy()).put("requirement", "REQUIRED");
        assertTrue(api.put(forms + "/executions", token, required).status() < 300, "the limiter is required");
        assertEquals(201, api.post(realm.adminPath() + "/authentication/executions/" + limiter.get("id").asText()
                + "/config", token, Map.of("alias", "three-sessions", "config", Map.of("userRealmLimit", "3",
                "userClientLimit", "0", "behavior", "Terminate oldest session"))).status());
        realm.update(Map.of("browserFlow", "limited"));
    }
}
