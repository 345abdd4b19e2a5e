package dev.securitycenter.it.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

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
    void personalDataOfTheLogNeedsViewUsers() {
        String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        assertTrue(api.passwordGrant(REALM, ghost, "whatever").status() >= 400);
        api.token(REALM, OPERATOR, PASSWORD);
        String manager = api.token(REALM, MANAGER, PASSWORD);
        String admin = api.token(REALM, ADMIN, PASSWORD);

        Response full = api.get(AUDIT + "?max=500", admin);
        assertEquals(200, full.status(), full.body());
        assertTrue(full.body().contains(ghost), "an admin with view-users sees the attempted username");
        assertTrue(full.body().contains(OPERATOR) && full.body().contains("127.0.0.1"));

        Response redacted = api.get(AUDIT + "?max=500", manager);
        assertEquals(200, redacted.status(), redacted.body());
        assertFalse(redacted.json().isEmpty());
        assertFalse(redacted.body().contains(ghost), "no attempted usernames without view-users");
        assertFalse(redacted.body().contains(OPERATOR), "no usernames without view-users");
        assertFalse(redacted.body().contains("127.0.0.1"), "no addresses without view-users");
        for (JsonNode event : redacted.json()) {
            assertTrue(event.get("username").isNull() && event.get("actorUsername").isNull()
                    && event.get("ipAddress").isNull(), event.toString());
            assertFalse(event.get("type").isNull());
        }
        for (String format : new String[]{"csv", "jsonl"}) {
            Response export = api.get(AUDIT + "/export?format=" + format, manager);
            assertEquals(200, export.status(), export.body());
            assertFalse(export.body().contains(ghost) || export.body().contains(OPERATOR)
                    || export.body().contains("127.0.0.1"), format);
            assertTrue(api.get(AUDIT + "/export?format=" + format, admin).body().contains(ghost), format);
        }
        Response byUser = api.get(AUDIT + "?user=" + OPERATOR, manager);
        assertEquals(403, byUser.status(), "searching by user is a user search: " + byUser.body());
        assertEquals("user", byUser.json().at("/errors/0/field").asText());
        assertEquals(200, api.get(AUDIT + "?user=" + OPERATOR, admin).status());
    }

    @Test
    void activityShowsAnAdministratorInsteadOfTheAdminAndTheirAddress() {
        try (TestRealm realm = TestRealm.create(api, "activity", Map.of())) {
            String userId = realm.createUser("pia", "Correct-Horse-42!");
            Response reset = api.put(realm.adminPath() + "/users/" + userId + "/reset-password",
                    api.masterAdminToken(), Map.of("type", "password", "value", "Another-Horse-43!",
                            "temporary", false));
            assertEquals(204, reset.status(), reset.body());

            Response activity = api.get("/realms/" + realm.name() + "/security-center/account/activity",
                    api.token(realm.name(), "pia", "Another-Horse-43!"));
            assertEquals(200, activity.status(), activity.body());
            JsonNode byAdmin = StreamSupport.stream(activity.json().spliterator(), false)
                    .filter(e -> "auth.password_changed".equals(e.get("type").asText())).findFirst().orElseThrow();
            assertEquals("an administrator", byAdmin.get("actorUsername").asText(), byAdmin.toString());
            assertTrue(byAdmin.get("actorId").isNull(), byAdmin.toString());
            assertTrue(byAdmin.get("ipAddress").isNull(), "the admin's address is not shown: " + byAdmin);
            assertEquals("pia", byAdmin.get("username").asText());
            JsonNode ownSignIn = StreamSupport.stream(activity.json().spliterator(), false)
                    .filter(e -> "auth.login_succeeded".equals(e.get("type").asText())).findFirst().orElseThrow();
            assertEquals("pia", ownSignIn.get("actorUsername").asText(), "her own actions stay hers");
            assertEquals("127.0.0.1", ownSignIn.get("ipAddress").asText());
        }
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
