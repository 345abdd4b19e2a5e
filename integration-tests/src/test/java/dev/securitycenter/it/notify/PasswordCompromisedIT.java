package dev.securitycenter.it.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.RealmManagementRoles;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin marks a user's password as compromised: every session the user had, online and offline, is gone (their
 * refresh tokens stop working), the next sign-in must set a new password, and the audit log says who did it.
 */
@ExtendWith(KeycloakTestServer.class)
class PasswordCompromisedIT {

    private static final String PASSWORD = "Correct-Horse-42!";

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;

    @BeforeEach
    void createRealm() {
        realm = TestRealm.create(api, "compromised", Map.of());
        assertEquals(200, api.post(realm.adminPath() + "/security-center/policy/defaults", api.masterAdminToken(),
                "").status());
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void everySessionEndsAndTheNextSignInMustSetANewPassword() {
        String userId = realm.createUser("paula", PASSWORD);
        String online = refreshTokenOf(api.passwordGrant(realm.name(), "paula", PASSWORD));
        String offline = refreshTokenOf(api.offlineGrant(realm.name(), "paula", PASSWORD));
        // both tokens work before, so their failure afterwards is the mark's doing
        online = refreshTokenOf(api.refresh(realm.name(), online));
        offline = refreshTokenOf(api.refresh(realm.name(), offline));

        Response marked = api.post(markPath(userId), api.masterAdminToken(), "");

        assertEquals(200, marked.status(), marked.body());
        assertEquals(2, marked.json().get("sessionsEnded").asInt(), marked.body());
        assertRefused(api.refresh(realm.name(), online));
        assertRefused(api.refresh(realm.name(), offline));
        assertEquals(0, api.get(realm.adminPath() + "/users/" + userId + "/sessions", api.masterAdminToken())
                .json().size());
        JsonNode user = api.get(realm.adminPath() + "/users/" + userId, api.masterAdminToken()).json();
        assertTrue(user.get("requiredActions").toString().contains("UPDATE_PASSWORD"), user.toString());
        Response again = api.passwordGrant(realm.name(), "paula", PASSWORD);
        assertEquals(400, again.status(), again.body());
        assertEquals("Account is not fully set up", again.json().get("error_description").asText(), again.body());

        JsonNode event = new AuditLog(api, realm.name()).awaitEvent("auth.password_compromised", "paula");
        assertEquals("admin", event.get("actorUsername").asText());
        assertTrue(event.at("/details/byAdmin").asBoolean(), event.toString());
        assertEquals(2, event.at("/details/sessionsEnded").asInt(), event.toString());
    }

    @Test
    void aUserOfTheRealmsOwnHelpdeskCanBeMarkedButNobodyElsewhere() {
        String userId = realm.createUser("quinn", PASSWORD);
        RealmManagementRoles.grant(api, realm.name(), realm.createUser("helpdesk", PASSWORD), "manage-users");
        Response marked = api.post(markPath(userId), api.token(realm.name(), "helpdesk", PASSWORD), "");
        assertEquals(200, marked.status(), marked.body());
        assertEquals("helpdesk", new AuditLog(api, realm.name()).awaitEvent("auth.password_compromised", "quinn")
                .get("actorUsername").asText());

        String globexUser = api.get("/admin/realms/globex/users?username=globex.admin&exact=true",
                api.masterAdminToken()).json().get(0).get("id").asText();
        assertEquals(404, api.post(markPath(globexUser), api.masterAdminToken(), "").status(),
                "a user of another realm is not found through this realm");
        assertEquals(404, api.post(markPath("no-such-user"), api.masterAdminToken(), "").status());
        JsonNode globexAdmin = api.get("/admin/realms/globex/users/" + globexUser, api.masterAdminToken()).json();
        assertFalse(globexAdmin.path("requiredActions").toString().contains("UPDATE_PASSWORD"),
                globexAdmin.toString());
    }

    private String markPath(String userId) {
        return realm.adminPath() + "/security-center/users/" + userId + "/password-compromised";
    }

    private static String refreshTokenOf(Response grant) {
        assertEquals(200, grant.status(), grant.body());
        return grant.json().get("refresh_token").asText();
    }

    private static void assertRefused(Response refresh) {
        assertEquals(400, refresh.status(), refresh.body());
        assertEquals("invalid_grant", refresh.json().get("error").asText(), refresh.body());
    }
}
