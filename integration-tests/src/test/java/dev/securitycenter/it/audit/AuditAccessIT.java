package dev.securitycenter.it.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.securitycenter.it.support.DemoUsers.ADMIN;
import static dev.securitycenter.it.support.DemoUsers.MANAGER;
import static dev.securitycenter.it.support.DemoUsers.OPERATOR;
import static dev.securitycenter.it.support.DemoUsers.PASSWORD;
import static dev.securitycenter.it.support.DemoUsers.REALM;
import static dev.securitycenter.it.support.DemoUsers.VIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may read which audit events: admins the realm's, every user only their own. */
@ExtendWith(KeycloakTestServer.class)
class AuditAccessIT {

    private static final String AUDIT = "/admin/realms/" + REALM + "/security-center/audit";
    private static final String ACTIVITY = "/realms/" + REALM + "/security-center/account/activity";

    private final KeycloakApi api = KeycloakTestServer.api();

    @Test
    void realmLogNeedsViewRealm() {
        assertEquals(200, api.get(AUDIT, api.token(REALM, ADMIN, PASSWORD)).status());
        assertEquals(200, api.get(AUDIT, api.token(REALM, MANAGER, PASSWORD)).status());
        assertEquals(200, api.get(AUDIT + "/verify", api.token(REALM, MANAGER, PASSWORD)).status());
        assertEquals(403, api.get(AUDIT, api.token(REALM, OPERATOR, PASSWORD)).status());
        assertEquals(403, api.get(AUDIT + "/export", api.token(REALM, VIEWER, PASSWORD)).status());
        assertEquals(403, api.get(AUDIT, api.token("globex", "globex.admin", "Globex-Admin-2026!")).status());
        assertEquals(401, api.get(AUDIT, null).status());
    }

    @Test
    void everyUserSeesOnlyTheirOwnActivity() {
        String viewer = api.token(REALM, VIEWER, PASSWORD);
        api.token(REALM, OPERATOR, PASSWORD);

        Response response = api.get(ACTIVITY, viewer);
        assertEquals(200, response.status(), response.body());
        assertFalse(response.json().isEmpty(), "the viewer's own sign-in is there");
        for (JsonNode event : response.json()) {
            assertEquals(VIEWER, event.get("username").asText());
        }
        assertTrue(response.json().get(0).get("type").asText().startsWith("auth."));
    }

    @Test
    void activityNeedsAValidBearerToken() {
        assertEquals(401, api.get(ACTIVITY, null).status());
        String token = api.token(REALM, VIEWER, PASSWORD);
        assertEquals(401, api.get(ACTIVITY, token.substring(0, token.length() - 3) + "xyz").status());
        assertEquals(401, api.get(ACTIVITY, api.token("globex", "globex.admin", "Globex-Admin-2026!")).status(),
                "a token of another realm is not valid here");
    }

    @Test
    void activityPagingIsValidated() {
        Response response = api.get(ACTIVITY + "?max=1000", api.token(REALM, VIEWER, PASSWORD));
        assertEquals(400, response.status());
        assertEquals("max", response.json().at("/errors/0/field").asText());
    }
}
