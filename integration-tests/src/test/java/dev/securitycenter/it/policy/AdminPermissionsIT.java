package dev.securitycenter.it.policy;

import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Totp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.securitycenter.it.support.DemoUsers.ADMIN;
import static dev.securitycenter.it.support.DemoUsers.MANAGER;
import static dev.securitycenter.it.support.DemoUsers.OPERATOR;
import static dev.securitycenter.it.support.DemoUsers.PASSWORD;
import static dev.securitycenter.it.support.DemoUsers.REALM;
import static dev.securitycenter.it.support.DemoUsers.SUPER_ADMIN;
import static dev.securitycenter.it.support.DemoUsers.SUPER_ADMIN_TOTP_SECRET;
import static dev.securitycenter.it.support.DemoUsers.VIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The spec's permission table on the demo realm, for every admin endpoint: view needs view-realm, edit needs
 * manage-realm, unlock needs manage-users. Allowed edits are sent with a broken body (400), so the shared demo
 * realm is never changed.
 */
@ExtendWith(KeycloakTestServer.class)
class AdminPermissionsIT {

    private static final String BASE = "/admin/realms/" + REALM + "/security-center";
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();
    private static KeycloakApi api;

    @BeforeAll
    static void signInEveryRole() {
        api = KeycloakTestServer.api();
        TOKENS.put("Super Admin", api.token(REALM, SUPER_ADMIN, PASSWORD, Totp.unusedCode(SUPER_ADMIN_TOTP_SECRET)));
        TOKENS.put("Admin", api.token(REALM, ADMIN, PASSWORD));
        TOKENS.put("Manager", api.token(REALM, MANAGER, PASSWORD));
        TOKENS.put("Operator", api.token(REALM, OPERATOR, PASSWORD));
        TOKENS.put("Viewer", api.token(REALM, VIEWER, PASSWORD));
        TOKENS.put("another realm's admin", api.token("globex", "globex.admin", "Globex-Admin-2026!"));
    }

    @Test
    void viewingNeedsViewRealm() {
        for (String path : new String[]{"/policy", "/mfa/status", "/lockouts", "/audit"}) {
            expect(200, 200, 200, 403, 403, 403, role -> api.get(BASE + path, TOKENS.get(role)).status(), path);
            assertEquals(401, api.get(BASE + path, null).status(), path);
        }
        expect(200, 200, 200, 403, 403, 403,
                role -> api.post(BASE + "/policy/preview", TOKENS.get(role), "{}").status(), "preview");
    }

    @Test
    void editingNeedsManageRealm() {
        expect(400, 400, 403, 403, 403, 403,
                role -> api.put(BASE + "/policy", TOKENS.get(role), "{\"broken\": true}").status(), "PUT policy");
        expect(200, 200, 403, 403, 403, 403,
                role -> api.post(BASE + "/mfa/reminders?dryRun=true", TOKENS.get(role), "").status(), "reminders");
        for (String role : new String[]{"Manager", "Operator", "Viewer", "another realm's admin"}) {
            assertEquals(403, api.post(BASE + "/policy/defaults", TOKENS.get(role), "").status(), role);
        }
        assertEquals(401, api.put(BASE + "/policy", null, "{}").status());
        assertEquals(401, api.post(BASE + "/policy/defaults", null, "").status());
    }

    @Test
    void unlockingNeedsManageUsers() {
        String viewerId = api.get("/admin/realms/" + REALM + "/users?exact=true&username=" + VIEWER,
                api.masterAdminToken()).json().get(0).get("id").asText();
        expect(200, 200, 403, 403, 403, 403,
                role -> api.post(BASE + "/lockouts/" + viewerId + "/unlock", TOKENS.get(role), "").status(),
                "unlock");
    }

    private static void expect(int superAdmin, int admin, int manager, int operator, int viewer, int otherRealm,
                               java.util.function.ToIntFunction<String> call, String what) {
        int[] expected = {superAdmin, admin, manager, operator, viewer, otherRealm};
        int i = 0;
        for (String role : TOKENS.keySet()) {
            assertEquals(expected[i++], call.applyAsInt(role), what + " as " + role);
        }
    }
}
