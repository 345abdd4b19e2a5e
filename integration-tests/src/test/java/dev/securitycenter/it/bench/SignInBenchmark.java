package dev.securitycenter.it.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Load harness for the cost of the managed sign-in flow (run with the {@code benchmarks} profile, PostgreSQL): a
 * full browser sign-in (sign-in page, password post, code exchange) through the managed flow with every policy on
 * and 1,000 allowlist entries, against Keycloak's stock browser flow in a realm with the same built-in settings,
 * on one server, samples interleaved. Prints a Markdown table and writes it to target/benchmarks/sign-in.md.
 */
@ExtendWith(KeycloakTestServer.class)
class SignInBenchmark {

    private static final int SAMPLES = Integer.getInteger("bench.samples", 300);
    private static final int WARM_UP = 50;
    private static final int ALLOWLIST_ENTRIES = 1000;
    private static final String PASSWORD = "Correct-Horse-Battery-42!";
    private static final String[] BUILT_IN_SETTINGS = {"passwordPolicy", "bruteForceProtected", "permanentLockout",
        "failureFactor", "waitIncrementSeconds", "maxFailureWaitSeconds", "maxDeltaTimeSeconds",
        "quickLoginCheckMilliSeconds", "minimumQuickLoginWaitSeconds", "ssoSessionIdleTimeout",
        "ssoSessionMaxLifespan"};

    private final KeycloakApi api = KeycloakTestServer.api();

    @Test
    void managedFlowAgainstStockFlow() throws Exception {
        try (TestRealm managed = TestRealm.create(api, "bench-managed", Map.of());
             TestRealm stock = TestRealm.create(api, "bench-stock", Map.of())) {
            turnEveryPolicyOn(managed);
            copyBuiltInSettings(managed, stock);
            managed.createUser("bench", PASSWORD);
            stock.createUser("bench", PASSWORD);

            Latencies onManaged = new Latencies("browser sign-in, managed flow, every policy on, "
                    + ALLOWLIST_ENTRIES + " allowlist entries");
            Latencies onStock = new Latencies("browser sign-in, stock browser flow, same built-in settings");
            Latencies.interleave(WARM_UP, SAMPLES, onManaged, () -> signIn(managed), onStock, () -> signIn(stock));
            Latencies.publish("sign-in.md", Latencies.header() + "\n" + onManaged.row() + "\n" + onStock.row()
                    + "\n\n" + String.format(Locale.ROOT, "p50 ratio managed / stock: %.3f%n",
                    onManaged.percentile(50) / onStock.percentile(50)));
        }
    }

    private void signIn(TestRealm realm) {
        BrowserSession browser = new BrowserSession(api.baseUrl(), realm.name(), "SignInBenchmark");
        JsonNode tokens = browser.tokens(browser.signIn("bench", PASSWORD));
        if (!tokens.has("access_token")) {
            throw new AssertionError("no tokens: " + tokens);
        }
    }

    private void turnEveryPolicyOn(TestRealm realm) {
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

    /** The stock realm gets what Keycloak itself enforces, minus the extension's own password-policy entry. */
    private void copyBuiltInSettings(TestRealm from, TestRealm to) {
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
    }
}
