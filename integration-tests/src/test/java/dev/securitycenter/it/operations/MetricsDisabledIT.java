package dev.securitycenter.it.operations;

import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakServer;
import dev.securitycenter.it.support.MetricsScrape;
import dev.securitycenter.it.support.SourceBoundHttp;
import dev.securitycenter.it.support.TestDatabase;
import dev.securitycenter.it.support.TestRealm;
import dev.securitycenter.it.support.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server of its own started with {@code --metrics-enabled=false} (Keycloak's default): there is no
 * {@code /metrics}, and everything the meters count elsewhere still works and is audited as before, so the
 * extension does not depend on metrics being on. Metrics are no database matter: this runs in the H2 run only.
 */
class MetricsDisabledIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final String SECRET = "MetricsOffTotpSecret1";

    private static KeycloakServer server;
    private static KeycloakApi api;

    @BeforeAll
    static void serverWithoutMetrics() {
        Path home = KeycloakServer.copyOfDistribution("kc-metrics-disabled");
        server = KeycloakServer.start(new TestDatabase.H2(home.resolve("data").resolve("h2")), home,
                "metrics-disabled", List.of("--metrics-enabled=false"));
        api = new KeycloakApi(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void noMetricsAreServed() {
        assertNotEquals(200, MetricsScrape.status(server.metricsUrl()));
    }

    @Test
    void whatTheMetersCountStillWorksAndIsAudited() {
        try (TestRealm realm = TestRealm.create(api, "metrics-off", Map.of())) {
            assertEquals(200, api.post(realm.adminPath() + "/security-center/policy/defaults",
                    api.masterAdminToken(), "").status());
            realm.changePolicy(policy -> {
                policy.withObjectProperty("lockout").put("maxFailures", 3).put("durationMinutes", 30);
                policy.withObjectProperty("mfa").putArray("methods").add("TOTP");
                policy.withObjectProperty("ipAllowlist").put("enabled", true).putArray("entries").addObject()
                        .put("value", "127.0.0.1").put("label", "this machine");
            });
            AuditLog audit = new AuditLog(api, realm.name());

            realm.createUser("lena", PASSWORD);
            for (int i = 0; i < 3; i++) {
                assertEquals(400, api.passwordGrant(realm.name(), "lena", "Wrong-Horse-42!").status());
            }
            audit.awaitEvent("auth.account_locked", "lena");
            assertEquals(400, api.passwordGrant(realm.name(), "lena", PASSWORD).status(), "locked");

            Response refused = new SourceBoundHttp(api.baseUrl(), "127.0.0.2").postForm(
                    "/realms/" + realm.name() + "/protocol/openid-connect/token", grant("lena", null), Map.of());
            assertEquals(403, refused.status(), refused.body());
            audit.awaitEvent("auth.ip_denied", null, e -> "127.0.0.2".equals(e.path("ipAddress").asText()));

            realm.createUserWithTotp("tom", PASSWORD, SECRET);
            assertEquals(400, token(realm, "tom", "000000".equals(Totp.code(SECRET)) ? "111111" : "000000").status());
            assertEquals(200, token(realm, "tom", Totp.unusedCode(SECRET)).status());
            assertEquals("TOTP", audit.awaitEvent("auth.login_failed", "tom").at("/details/secondFactor").asText());
            assertEquals("TOTP", audit.awaitEvent("auth.login_succeeded", "tom").at("/details/secondFactor")
                    .asText());

            String userId = realm.createUser("pat", PASSWORD);
            Response own = api.post("/realms/" + realm.name() + "/security-center/account/password",
                    api.token(realm.name(), "pat", PASSWORD), Map.of("currentPassword", PASSWORD,
                            "newPassword", "Battery-Staple-77?", "confirmation", "Battery-Staple-77?"));
            assertEquals(200, own.status(), own.body());
            audit.awaitEvent("auth.password_changed", "pat");
            Response reset = api.put(realm.adminPath() + "/users/" + userId + "/reset-password",
                    api.masterAdminToken(), Map.of("type", "password", "value", "Admin-Set-Pass-88!",
                            "temporary", false));
            assertEquals(204, reset.status(), reset.body());
            audit.awaitEvent("auth.password_changed", "pat", e -> e.at("/details/byAdmin").asBoolean());
            assertEquals(200, api.passwordGrant(realm.name(), "pat", "Admin-Set-Pass-88!").status());

            assertTrue(audit.verify().get("ok").asBoolean(), "the audit chain is intact");
        }
    }

    private static Response token(TestRealm realm, String username, String totp) {
        return api.postForm("/realms/" + realm.name() + "/protocol/openid-connect/token", grant(username, totp));
    }

    private static Map<String, String> grant(String username, String totp) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", username, "password", PASSWORD));
        if (totp != null) {
            form.put("totp", totp);
        }
        return form;
    }
}
