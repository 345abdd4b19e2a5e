package dev.securitycenter.it.operations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.BrowserSession.Page;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.MetricsScrape;
import dev.securitycenter.it.support.SourceBoundHttp;
import dev.securitycenter.it.support.TestRealm;
import dev.securitycenter.it.support.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The extension's meters, scraped from Keycloak's {@code /metrics} on the management port after real actions in a
 * realm of the test's own: each counter carries that realm's name and exactly the tags README lists, and counts
 * exactly what was done. The last test reads the Grafana dashboard in {@code docker/} and checks that every metric
 * it queries is in a real scrape, which the earlier tests of this class have filled (so it runs last).
 */
@ExtendWith(KeycloakTestServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36";
    private static final Duration COUNTED = Duration.ofSeconds(10);
    static final Path DASHBOARD = Path.of("..", "docker", "grafana", "security-center-dashboard.json");
    /** The metric families README's table lists, as Prometheus names them. */
    static final Set<String> FAMILIES = Set.of("security_center_lockouts_total", "security_center_ip_denied_total",
            "security_center_mfa_challenges_total", "security_center_password_changes_total",
            "security_center_audit_append_seconds");

    private static final Pattern METRIC = Pattern.compile("security_center_[a-z0-9_]+");

    private final KeycloakApi api = KeycloakTestServer.api();
    private final String metrics = KeycloakTestServer.server().metricsUrl();
    private TestRealm realm;

    @BeforeEach
    void realmWithDefaults() {
        realm = TestRealm.create(api, "metrics", Map.of());
        assertEquals(200, api.post(realm.adminPath() + "/security-center/policy/defaults", api.masterAdminToken(), "")
                .status());
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    @Order(1)
    void aLockoutIsCountedInItsRealm() {
        realm.changePolicy(policy -> policy.withObjectProperty("lockout").put("maxFailures", 3)
                .put("durationMinutes", 30));
        realm.createUser("lena", PASSWORD);
        assertEquals(0, MetricsScrape.of(metrics).value("security_center_lockouts_total", realmTag()));
        for (int i = 0; i < 3; i++) {
            assertEquals(400, api.passwordGrant(realm.name(), "lena", "Wrong-Horse-42!").status());
        }
        new AuditLog(api, realm.name()).awaitEvent("auth.account_locked", "lena");
        assertEquals(1, awaitCount("security_center_lockouts_total", realmTag(), 1));
        assertEquals(400, api.passwordGrant(realm.name(), "lena", PASSWORD).status(), "locked: even the right password");
        assertEquals(1, MetricsScrape.of(metrics).value("security_center_lockouts_total", realmTag()),
                "an attempt while locked is no new lockout");
    }

    /**
     * The first refusal of an address in a minute has an audit row of its own and is counted at once; the others
     * are counted when their minute's summary row is written, a little after the minute ends: in the end every
     * refused request is counted once.
     */
    @Test
    @Order(2)
    void everyRefusedRequestIsCounted() {
        realm.allowOnlyThisMachine();
        realm.createUser("ada", PASSWORD);
        SourceBoundHttp outsider = new SourceBoundHttp(api.baseUrl(), "127.0.0.2");
        assertEquals(403, outsiderGrant(outsider, "ada").status());
        assertEquals(1, awaitCount("security_center_ip_denied_total", realmTag(), 1));
        for (int i = 0; i < 3; i++) {
            assertEquals(403, outsiderGrant(outsider, "ada").status());
        }
        assertEquals(200, api.passwordGrant(realm.name(), "ada", PASSWORD).status(), "this machine is allowed");
        assertEquals(4, MetricsScrape.awaitValue(metrics, "security_center_ip_denied_total", realmTag(),
                value -> value >= 4, Duration.ofSeconds(90)));
    }

    @Test
    @Order(3)
    void totpChallengesAreCountedByOutcomeOnTheTokenEndpointAndInTheBrowser() {
        realm.changePolicy(policy -> policy.withObjectProperty("mfa").putArray("methods").add("TOTP"));
        realm.createUserWithTotp("tom", PASSWORD, "MetricsTotpSecret001");
        String tia = realm.createUserWithTotp("tia", PASSWORD, "MetricsTotpSecret002");
        AuditLog audit = new AuditLog(api, realm.name());

        assertEquals(400, totpGrant("tom", wrongCode("MetricsTotpSecret001")).status());
        assertEquals(200, totpGrant("tom", Totp.unusedCode("MetricsTotpSecret001")).status());
        assertEquals("TOTP", audit.awaitEvent("auth.login_failed", "tom").at("/details/secondFactor").asText());
        assertEquals("TOTP", audit.awaitEvent("auth.login_succeeded", "tom").at("/details/secondFactor").asText());

        BrowserSession browser = new BrowserSession(api.baseUrl(), realm.name(), UA);
        Page otp = browser.signIn("tia", PASSWORD);
        assertTrue(otp.hasField("otp"), otp.body());
        Page again = otp.submit(Map.of("otp", wrongCode("MetricsTotpSecret002")));
        assertTrue(again.hasField("otp"), "a wrong code asks again: " + again.body());
        // As a person retypes: until Keycloak has the failure on record, its one-attempt-per-user slot is taken and
        // a code typed meanwhile is refused as if the account were locked.
        assertTrue(realm.awaitBruteForce(tia, state -> state.path("numFailures").asInt() >= 1
                && !state.path("disabled").asBoolean()), "failure recorded");
        browser.tokens(again.submit(Map.of("otp", Totp.unusedCode("MetricsTotpSecret002"))));

        assertEquals(2, awaitCount("security_center_mfa_challenges_total", challenge("failure"), 2));
        assertEquals(2, awaitCount("security_center_mfa_challenges_total", challenge("success"), 2));
        assertEquals(0, MetricsScrape.of(metrics).value("security_center_mfa_challenges_total",
                Map.of("realm", realm.name(), "method", "SMS", "outcome", "failure")));
    }

    @Test
    @Order(4)
    void passwordChangesAreCountedByWhoChangedThem() {
        String userId = realm.createUser("pat", PASSWORD);
        String token = api.token(realm.name(), "pat", PASSWORD);
        Response own = api.post("/realms/" + realm.name() + "/security-center/account/password", token, Map.of(
                "currentPassword", PASSWORD, "newPassword", "Battery-Staple-77?", "confirmation", "Battery-Staple-77?"));
        assertEquals(200, own.status(), own.body());
        Response reset = api.put(realm.adminPath() + "/users/" + userId + "/reset-password", api.masterAdminToken(),
                Map.of("type", "password", "value", "Admin-Set-Pass-88!", "temporary", false));
        assertEquals(204, reset.status(), reset.body());

        assertEquals(1, awaitCount("security_center_password_changes_total", source("user"), 1));
        assertEquals(1, awaitCount("security_center_password_changes_total", source("admin"), 1));
    }

    @Test
    @Order(5)
    void auditAppendsAreTimedInTheHistogram() {
        double before = MetricsScrape.of(metrics).value("security_center_audit_append_seconds_count", Map.of());
        realm.createUser("ann", PASSWORD);
        api.token(realm.name(), "ann", PASSWORD);
        new AuditLog(api, realm.name()).awaitEvent("auth.login_succeeded", "ann");
        double after = MetricsScrape.awaitValue(metrics, "security_center_audit_append_seconds_count", Map.of(),
                value -> value > before, COUNTED);
        assertTrue(after > before, "the sign-in's audit append was timed: " + before + " -> " + after);

        MetricsScrape scrape = MetricsScrape.of(metrics);
        List<MetricsScrape.Sample> buckets = scrape.samples("security_center_audit_append_seconds_bucket");
        Set<String> bounds = new TreeSet<>();
        buckets.forEach(bucket -> bounds.add(bucket.labels().get("le")));
        assertTrue(bounds.size() > 2 && bounds.contains("+Inf"), "buckets: " + bounds);
        assertTrue(bounds.stream().filter(bound -> !"+Inf".equals(bound)).mapToDouble(Double::parseDouble)
                .allMatch(bound -> bound >= 0.001 && bound <= 5), "buckets between 1 ms and 5 s: " + bounds);
        assertTrue(buckets.stream().allMatch(bucket -> bucket.labels().keySet().equals(Set.of("le"))),
                "no realm tag on the timer: " + buckets);
        assertEquals(scrape.value("security_center_audit_append_seconds_count", Map.of()),
                scrape.value("security_center_audit_append_seconds_bucket", Map.of("le", "+Inf")));
        assertTrue(scrape.value("security_center_audit_append_seconds_sum", Map.of()) > 0);
    }

    @Test
    @Order(6)
    void theGrafanaDashboardQueriesOnlyMetricsTheServerExposes() throws IOException {
        JsonNode dashboard = KeycloakApi.JSON.readTree(DASHBOARD.toFile());
        String datasource = datasourceVariable(dashboard);
        List<JsonNode> panels = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        });
        for (JsonNode panel : panels) {
            if ("row".equals(panel.path("type").asText())) {
                continue;
            }
            assertEquals("${" + datasource + "}", panel.at("/datasource/uid").asText(),
                    "panel \"" + panel.path("title").asText() + "\" uses the datasource variable");
            assertFalse(panel.path("targets").isEmpty(), "panel \"" + panel.path("title").asText() + "\" queries");
        }
        Set<String> queried = new TreeSet<>();
        collectMetricNames(dashboard, queried);
        for (String family : FAMILIES) {
            assertTrue(queried.stream().anyMatch(name -> name.startsWith(family)), "a panel shows " + family);
        }
        Set<String> scraped = MetricsScrape.of(metrics).names();
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(scraped);
        assertEquals(Set.of(), missing, "queried by the dashboard but not in the scrape");
    }

    /** Every metric name in a query of the dashboard: panel targets' {@code expr} and variables' queries. */
    private static void collectMetricNames(JsonNode node, Set<String> names) {
        node.fields().forEachRemaining(field -> {
            if (field.getValue().isTextual() && Set.of("expr", "query", "definition").contains(field.getKey())) {
                Matcher name = METRIC.matcher(field.getValue().asText());
                while (name.find()) {
                    names.add(name.group());
                }
            }
        });
        // an object's values or an array's items
        node.elements().forEachRemaining(child -> collectMetricNames(child, names));
    }

    private static String datasourceVariable(JsonNode dashboard) {
        for (JsonNode variable : dashboard.at("/templating/list")) {
            if ("datasource".equals(variable.path("type").asText())) {
                assertEquals("prometheus", variable.path("query").asText());
                return variable.get("name").asText();
            }
        }
        throw new AssertionError("the dashboard has no datasource variable");
    }

    private double awaitCount(String name, Map<String, String> labels, double expected) {
        return MetricsScrape.awaitValue(metrics, name, labels, value -> value >= expected, COUNTED);
    }

    private Map<String, String> realmTag() {
        return Map.of("realm", realm.name());
    }

    private Map<String, String> challenge(String outcome) {
        return Map.of("realm", realm.name(), "method", "TOTP", "outcome", outcome);
    }

    private Map<String, String> source(String source) {
        return Map.of("realm", realm.name(), "source", source);
    }

    private Response outsiderGrant(SourceBoundHttp outsider, String username) {
        return outsider.postForm("/realms/" + realm.name() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", username, "password", PASSWORD),
                Map.of());
    }

    private Response totpGrant(String username, String code) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", username, "password", PASSWORD));
        form.put("totp", code);
        return api.postForm("/realms/" + realm.name() + "/protocol/openid-connect/token", form);
    }

    /** A code that is not the current one (nor, but by a one-in-a-million chance, a neighbouring step's). */
    private static String wrongCode(String secret) {
        String right = Totp.code(secret);
        String wrong = (char) ('0' + (right.charAt(0) - '0' + 5) % 10) + right.substring(1);
        assertNotEquals(right, wrong);
        return wrong;
    }
}
