package dev.securitycenter.it.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.AllowlistedRealm;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.RealmManagementRoles;
import dev.securitycenter.it.support.TestRealm;
import dev.securitycenter.it.support.Totp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static dev.securitycenter.it.support.AllowlistedRealm.PASSWORD;
import static dev.securitycenter.it.support.AllowlistedRealm.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /stats}: the overview's daily counts equal what real sign-ins, failures, a lockout, a refused address
 * and an enrolment left in the audit log, and nothing of another realm; adoption by method worked back from today.
 */
@ExtendWith(KeycloakTestServer.class)
class SecurityStatsIT {

    private final KeycloakApi api = KeycloakTestServer.api();
    @RegisterExtension
    final AllowlistedRealm network = new AllowlistedRealm("stats", Map.of());

    @Test
    void dailyCountsAreWhatHappenedInThisRealmOnly() {
        TestRealm realm = network.realm();
        realm.changePolicy(policy -> policy.withObjectProperty("lockout").put("maxFailures", 3)
                .put("durationMinutes", 30));
        assertEquals(0, total(stats(realm, 30), "auth.login_succeeded"), "a new realm has no sign-ins");

        // two sign-ins, then one more to enrol an authenticator app through the account API
        api.token(realm.name(), USER, PASSWORD);
        api.token(realm.name(), USER, PASSWORD);
        String token = api.token(realm.name(), USER, PASSWORD);
        String secret = Totp.fromBase32(api.post(account(realm, "/mfa/totp"), token, "").json().get("secret").asText());
        Response verified = api.post(account(realm, "/mfa/totp/verify"), token, Map.of("code", Totp.unusedCode(secret)));
        assertEquals(200, verified.status(), verified.body());

        // one wrong password, and three that lock another user
        assertEquals(400, api.passwordGrant(realm.name(), USER, "wrong").status());
        realm.createUser("lou", PASSWORD);
        for (int i = 0; i < 3; i++) {
            assertEquals(400, api.passwordGrant(realm.name(), "lou", "wrong-" + i).status());
        }
        AuditLog audit = new AuditLog(api, realm.name());
        audit.awaitEvent("auth.account_locked", "lou");

        // a password grant from an address outside the allowlist
        Response refused = network.outsider().postForm("/realms/" + realm.name() + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", USER, "password", PASSWORD),
                Map.of());
        assertEquals(403, refused.status(), refused.body());
        audit.awaitEvent("auth.ip_denied", null);

        // another realm's sign-in is not this realm's
        try (TestRealm other = TestRealm.create(api, "stats-other", Map.of())) {
            other.createUser("olaf", PASSWORD);
            api.token(other.name(), "olaf", PASSWORD);
            new AuditLog(api, other.name()).awaitEvent("auth.login_succeeded", "olaf");
            assertEquals(1, total(stats(other, 30), "auth.login_succeeded"), "the other realm counts its own");

            JsonNode stats = stats(realm, 30);
            assertEquals(3, total(stats, "auth.login_succeeded"), stats.toString());
            assertEquals(1, total(stats, "auth.account_locked"), stats.toString());
            assertEquals(1, total(stats, "auth.ip_denied"), stats.toString());
            assertEquals(1, total(stats, "auth.2fa_enabled"), stats.toString());
            long failed = total(stats, "auth.login_failed");
            assertTrue(failed >= 4, "one wrong password and the three before the lockout: " + stats);
            for (String type : new String[]{"auth.login_succeeded", "auth.login_failed", "auth.account_locked",
                    "auth.ip_denied", "auth.2fa_enabled", "policy.updated"}) {
                assertEquals(audit.events("type=" + type + "&max=500").size(), total(stats, type),
                        type + " as the audit log lists it: " + stats);
            }
        }
    }

    @Test
    void everyDayOfTheWindowInUtcWithAdoptionWorkedBackFromToday() {
        TestRealm realm = network.realm();
        String token = api.token(realm.name(), USER, PASSWORD);
        String secret = Totp.fromBase32(api.post(account(realm, "/mfa/totp"), token, "").json().get("secret").asText());
        assertEquals(200, api.post(account(realm, "/mfa/totp/verify"), token,
                Map.of("code", Totp.unusedCode(secret))).status());

        JsonNode stats = stats(realm, 30);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertEquals("UTC", stats.get("timeZone").asText());
        assertEquals(30, stats.get("daily").size(), stats.toString());
        assertEquals(today.minusDays(29).toString(), stats.get("daily").get(0).get("date").asText());
        assertEquals(today.toString(), stats.get("daily").get(29).get("date").asText());
        assertEquals(today.toString(), stats.get("to").asText());
        assertEquals(1, stats.get("people").asLong(), "one person in the realm: " + stats);

        JsonNode adoption = stats.get("adoption");
        assertEquals(30, adoption.size(), stats.toString());
        assertEquals(1, adoption.get(29).get("byMethod").get("TOTP").asLong(), "today's app: " + adoption);
        assertEquals(0, adoption.get(28).get("byMethod").get("TOTP").asLong(), "not there yesterday: " + adoption);
        assertEquals(0, adoption.get(29).get("byMethod").get("SMS").asLong(), adoption.toString());

        assertEquals(1, stats(realm, 1).get("daily").size());
        assertEquals(90, stats(realm, 90).get("daily").size());
        Response byDefault = api.get(realm.adminPath() + "/security-center/stats", api.masterAdminToken());
        assertEquals(30, byDefault.json().get("days").asInt(), byDefault.body());
    }

    @Test
    void badDaysAreRefusedNamingTheParameter() {
        TestRealm realm = network.realm();
        for (String days : new String[]{"0", "91", "-3", "x", "7.5", "", "30&days=7"}) {
            Response refused = api.get(realm.adminPath() + "/security-center/stats?days=" + days,
                    api.masterAdminToken());
            assertEquals(400, refused.status(), days + ": " + refused.body());
            assertEquals("days", refused.json().get("errors").get(0).get("field").asText(), refused.body());
        }
    }

    @Test
    void onlyForThoseWhoMayViewTheRealm() {
        TestRealm realm = network.realm();
        RealmManagementRoles.grant(api, realm.name(), realm.createUser("viewer", PASSWORD), "view-realm");
        RealmManagementRoles.grant(api, realm.name(), realm.createUser("helpdesk", PASSWORD), "view-users");
        String path = realm.adminPath() + "/security-center/stats?days=30";
        assertEquals(200, api.get(path, api.token(realm.name(), "viewer", PASSWORD)).status());
        assertEquals(403, api.get(path, api.token(realm.name(), "helpdesk", PASSWORD)).status());
        assertEquals(403, api.get(path, api.token(realm.name(), USER, PASSWORD)).status());
        assertEquals(401, api.get(path, null).status());
    }

    private JsonNode stats(TestRealm realm, int days) {
        Response response = api.get(realm.adminPath() + "/security-center/stats?days=" + days, api.masterAdminToken());
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    /** The type's events over every day of the answer. */
    private static long total(JsonNode stats, String type) {
        long total = 0;
        for (JsonNode day : stats.get("daily")) {
            total += day.get("counts").path(type).asLong(0);
        }
        return total;
    }

    private static String account(TestRealm realm, String path) {
        return "/realms/" + realm.name() + "/security-center/account" + path;
    }
}
