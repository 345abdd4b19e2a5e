package dev.securitycenter.it.surface;

import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.RealmManagementRoles;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint of the extension, admin and account, called by every kind of caller; every answer is asserted.
 * Reads that can carry personal data (who is locked, who did what from where) are also checked for it: an expected
 * {@code 200+} means the personal fields are there, {@code 200-} that they are left out.
 */
@ExtendWith(KeycloakTestServer.class)
class AuthorisationMatrixIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final String LOCKED = "locked-lou";
    /** The callers, in the order of every row's expectations. */
    private static final String[] CALLERS = {"anonymous", "other realm's admin", "plain user", "view-realm",
            "view-users", "manage-realm", "manage-users", "realm-admin", "master admin"};

    private static KeycloakApi api;
    private static TestRealm realm;
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();
    private static String plainUserId;
    private static String compromisedUserId;

    @BeforeAll
    static void createRealmAndCallers() {
        api = KeycloakTestServer.api();
        realm = TestRealm.create(api, "matrix", Map.of("accessTokenLifespan", 1800));
        assertEquals(200, api.post(admin("/policy/defaults"), api.masterAdminToken(), "").status());
        realm.changePolicy(policy -> policy.withObjectProperty("lockout").put("maxFailures", 3)
                .put("durationMinutes", 30));
        // the calls below may take longer than the 5 minutes a sign-in counts as recent for adding an app
        assertEquals(204, api.put(realm.adminPath() + "/authentication/required-actions/CONFIGURE_TOTP/config",
                api.masterAdminToken(), Map.of("config", Map.of("max_auth_age", "3600"))).status());
        realm.createUser(LOCKED, PASSWORD);
        for (int i = 0; i < 3; i++) {
            assertTrue(api.passwordGrant(realm.name(), LOCKED, "wrong-" + i).status() >= 400);
        }
        TOKENS.put("anonymous", null);
        TOKENS.put("other realm's admin", api.token("globex", "globex.admin", "Globex-Admin-2026!"));
        plainUserId = realm.createUser("plain", PASSWORD);
        compromisedUserId = realm.createUser("compromised", PASSWORD);
        TOKENS.put("plain user", api.token(realm.name(), "plain", PASSWORD));
        for (String role : new String[]{"view-realm", "view-users", "manage-realm", "manage-users", "realm-admin"}) {
            RealmManagementRoles.grant(api, realm.name(), realm.createUser(role, PASSWORD), role);
            TOKENS.put(role, api.token(realm.name(), role, PASSWORD));
        }
        TOKENS.put("master admin", api.masterAdminToken());
        // the lockout is in the audit log (and so in /lockouts) before anything is read
        assertTrue(api.get(admin("/lockouts"), api.masterAdminToken()).body().contains(LOCKED));
    }

    @AfterAll
    static void deleteRealm() {
        realm.close();
    }

    @Test
    void adminEndpoints() {
        List<Row> rows = List.of(
                row("GET /policy", t -> api.get(admin("/policy"), t),
                        "401 403 403 200 403 200 403 200 200"),
                row("PUT /policy (broken body)", t -> api.put(admin("/policy"), t, "{\"broken\":true}"),
                        "401 403 403 403 403 400 403 400 400"),
                row("POST /policy/preview", t -> api.post(admin("/policy/preview"), t, "{}"),
                        "401 403 403 200 403 200 403 200 200"),
                row("GET /policy/choices", t -> api.get(admin("/policy/choices"), t),
                        "401 403 403 200 403 200 403 200 200"),
                row("POST /policy/defaults", t -> api.post(admin("/policy/defaults"), t, ""),
                        "401 403 403 403 403 200 403 200 200"),
                row("GET /mfa/status", t -> api.get(admin("/mfa/status"), t),
                        "401 403 403 200 403 200 403 200 200"),
                row("POST /mfa/reminders?dryRun=true", t -> api.post(admin("/mfa/reminders?dryRun=true"), t, ""),
                        "401 403 403 403 403 200 403 200 200"),
                row("GET /lockouts", t -> api.get(admin("/lockouts"), t),
                        "401 403 403 200- 403 200- 403 200+ 200+"),
                row("POST /lockouts/{id}/unlock (not locked)",
                        t -> api.post(admin("/lockouts/" + plainUserId + "/unlock"), t, ""),
                        "401 403 403 403 403 403 200 200 200"),
                row("POST /lockouts/{unknown}/unlock", t -> api.post(admin("/lockouts/nobody/unlock"), t, ""),
                        "401 403 403 403 403 403 404 404 404"),
                row("POST /users/{id}/password-compromised",
                        t -> api.post(admin("/users/" + compromisedUserId + "/password-compromised"), t, ""),
                        "401 403 403 403 403 403 200 200 200"),
                row("POST /users/{unknown}/password-compromised",
                        t -> api.post(admin("/users/nobody/password-compromised"), t, ""),
                        "401 403 403 403 403 403 404 404 404"),
                row("GET /stats", t -> api.get(admin("/stats?days=30"), t),
                        "401 403 403 200 403 200 403 200 200"),
                row("GET /audit", t -> api.get(admin("/audit?max=500"), t),
                        "401 403 403 200- 403 200- 403 200+ 200+"),
                row("GET /audit/export?format=csv", t -> api.get(admin("/audit/export?format=csv"), t),
                        "401 403 403 200- 403 200- 403 200+ 200+"),
                row("GET /audit/export?format=jsonl", t -> api.get(admin("/audit/export?format=jsonl"), t),
                        "401 403 403 200- 403 200- 403 200+ 200+"),
                row("GET /audit/verify", t -> api.get(admin("/audit/verify"), t),
                        "401 403 403 200 403 200 403 200 200"));
        check(rows);
    }

    /** The account API acts for the token's own user: every user of the realm, nobody from elsewhere. */
    @Test
    void accountEndpoints() {
        String own = "401 401 %1$s %1$s %1$s %1$s %1$s %1$s 401";
        List<Row> rows = List.of(
                row("GET /", t -> api.get(account(""), t), own.formatted("200")),
                row("POST /password (empty)", t -> api.post(account("/password"), t, "{}"), own.formatted("400")),
                row("POST /mfa/totp", t -> api.post(account("/mfa/totp"), t, ""), own.formatted("200")),
                row("POST /mfa/totp/verify (wrong code)",
                        t -> api.post(account("/mfa/totp/verify"), t, Map.of("code", "00000a")),
                        own.formatted("400")),
                row("POST /mfa/recovery-codes (no 2FA)",
                        t -> api.post(account("/mfa/recovery-codes"), t, Map.of("code", "123456")),
                        own.formatted("409")),
                row("DELETE /mfa (no 2FA)", t -> api.delete(account("/mfa"), t, Map.of("code", "123456")),
                        own.formatted("409")),
                row("GET /mfa/factors", t -> api.get(account("/mfa/factors"), t), own.formatted("200")),
                row("POST /mfa/passkeys/{unknown}/label",
                        t -> api.post(account("/mfa/passkeys/nope/label"), t, Map.of("label", "Laptop")),
                        own.formatted("404")),
                row("DELETE /mfa/passkeys/{unknown}", t -> api.delete(account("/mfa/passkeys/nope"), t),
                        own.formatted("404")),
                row("GET /sessions", t -> api.get(account("/sessions"), t), own.formatted("200")),
                row("POST /sessions/{unknown}/terminate",
                        t -> api.post(account("/sessions/nope/terminate"), t, ""), own.formatted("404")),
                row("POST /sessions/terminate-all", t -> api.post(account("/sessions/terminate-all"), t, ""),
                        own.formatted("200")),
                row("GET /activity", t -> api.get(account("/activity"), t), own.formatted("200")),
                row("GET /notifications", t -> api.get(account("/notifications"), t), own.formatted("200")),
                row("PUT /notifications (empty)", t -> api.put(account("/notifications"), t, "{}"),
                        own.formatted("400")),
                row("DELETE /notifications/devices/{unknown}",
                        t -> api.delete(account("/notifications/devices/nope"), t), own.formatted("404")));
        check(rows);
    }

    private static void check(List<Row> rows) {
        List<String> wrong = new ArrayList<>();
        int asserted = 0;
        for (Row row : rows) {
            String[] expected = row.expected().split(" ");
            assertEquals(CALLERS.length, expected.length, row.name());
            for (int i = 0; i < CALLERS.length; i++) {
                Response response = row.call().apply(TOKENS.get(CALLERS[i]));
                String seen = String.valueOf(response.status());
                if (expected[i].length() == 4) {
                    seen += response.body().contains(LOCKED) ? "+" : "-";
                }
                asserted++;
                if (!seen.equals(expected[i])) {
                    wrong.add(row.name() + " as " + CALLERS[i] + ": expected " + expected[i] + ", got " + seen
                            + " " + abbreviate(response.body()));
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(rows.size() * CALLERS.length, asserted);
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    private static Row row(String name, Function<String, Response> call, String expected) {
        return new Row(name, call, expected);
    }

    /** One endpoint: how to call it with a caller's token (null for anonymous) and each caller's answer. */
    private record Row(String name, Function<String, Response> call, String expected) {
    }

    private static String admin(String path) {
        return realm.adminPath() + "/security-center" + path;
    }

    private static String account(String path) {
        return "/realms/" + realm.name() + "/security-center/account" + path;
    }
}
