package dev.securitycenter.it.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakServer;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.SessionsRealm;
import dev.securitycenter.it.support.RealmManagementRoles;
import dev.securitycenter.it.support.SourceBoundHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Admin ▸ a user's sessions ({@code GET /security-center/users/{id}/sessions}): the rows the user sees in the
 * account API, for admins Keycloak lets view that user; sessions an admin ends through Keycloak's own admin API are
 * audited as revoked by an admin.
 */
@ExtendWith(KeycloakTestServer.class)
class AdminUserSessionsIT {

    private static final String PASSWORD = SessionsRealm.PASSWORD;

    @RegisterExtension
    static final SessionsRealm realm = new SessionsRealm("admin-sessions");
    private final KeycloakApi api = KeycloakTestServer.api();

    @Test
    void anAdminWhoMayViewUsersSeesTheRowsTheUserSees() {
        String userId = realm.createUser("ann", PASSWORD);
        String own = realm.browserToken("ann");
        Response viaProxy = new SourceBoundHttp(api.baseUrl(), KeycloakServer.TRUSTED_PROXY).postForm(
                "/realms/" + realm.name() + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "ann", "password", PASSWORD),
                Map.of("X-Forwarded-For", "8.8.8.8"));
        assertEquals(200, viaProxy.status(), viaProxy.body());
        String helpdesk = adminWith("helpdesk", "view-users");

        Response seen = api.get(userSessions(userId), helpdesk);
        assertEquals(200, seen.status(), seen.body());
        List<JsonNode> adminRows = rows(seen);
        List<JsonNode> userRows = rows(api.get(realm.accountSessionsPath(), own));
        assertEquals(2, adminRows.size(), seen.body());
        assertEquals(userRows.stream().map(r -> withoutCurrent(r)).toList(),
                adminRows.stream().map(r -> withoutCurrent(r)).toList());
        assertTrue(adminRows.stream().noneMatch(r -> r.get("current").asBoolean()), "none is the admin's: " + seen.body());
        JsonNode browser = adminRows.stream().filter(r -> "127.0.0.1".equals(r.get("ip").asText())).findFirst().orElseThrow();
        assertEquals("Chrome on Linux", browser.get("device").asText());
        assertEquals("Local network", browser.get("location").asText());
        JsonNode remote = adminRows.stream().filter(r -> "8.8.8.8".equals(r.get("ip").asText())).findFirst().orElseThrow();
        assertTrue(remote.get("location").asText().endsWith("United States"), remote.toString());
        assertTrue(seen.json().get("locationAttribution").asText().contains("DB-IP"));
    }

    @Test
    void ipv6AddressesAreShownAndAuditedInTheirShortForm() {
        String userId = realm.createUser("fay", PASSWORD);
        Response viaProxy = new SourceBoundHttp(api.baseUrl(), KeycloakServer.TRUSTED_PROXY).postForm(
                "/realms/" + realm.name() + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "fay", "password", PASSWORD),
                Map.of("X-Forwarded-For", "2001:4860:4860:0:0:0:0:8888"));
        assertEquals(200, viaProxy.status(), viaProxy.body());

        List<JsonNode> list = rows(api.get(userSessions(userId), api.masterAdminToken()));
        assertEquals("2001:4860:4860::8888", list.get(0).get("ip").asText(), list.toString());
        JsonNode signedIn = new AuditLog(api, realm.name()).awaitEvent("auth.login_succeeded", "fay");
        assertEquals("2001:4860:4860::8888", signedIn.get("ipAddress").asText(), signedIn.toString());
    }

    @Test
    void everyoneSeesTheirOwnSessionsWithTheCurrentOneMarked() {
        // no view-users: the Security settings page lists every admin's own sessions
        String userId = realm.createUser("bea", PASSWORD);
        String token = api.token(realm.name(), "bea", PASSWORD);
        api.passwordGrant(realm.name(), "bea", PASSWORD);

        List<JsonNode> list = rows(api.get(userSessions(userId), token));
        assertEquals(2, list.size(), list.toString());
        assertEquals(1, list.stream().filter(r -> r.get("current").asBoolean()).count(), list.toString());
    }

    @Test
    void withoutViewUsersNobodysSessionsAreShownAndUnknownIdsAreNotFound() {
        String userId = realm.createUser("cal", PASSWORD);
        realm.browserToken("cal");
        String realmViewer = adminWith("auditor", "view-realm");
        String helpdesk = adminWith("helpdesk2", "view-users");

        assertEquals(403, api.get(userSessions(userId), realmViewer).status());
        assertEquals(403, api.get(userSessions("no-such-user"), realmViewer).status());
        assertEquals(404, api.get(userSessions("no-such-user"), helpdesk).status());
        assertEquals(401, api.get(userSessions(userId), null).status());
        // a user without admin roles sees their own sessions only
        realm.createUser("cyd", PASSWORD);
        assertEquals(403, api.get(userSessions(userId), api.token(realm.name(), "cyd", PASSWORD)).status());
    }

    @Test
    void aSessionEndedThroughKeycloaksAdminApiIsRevokedByAnAdmin() {
        String userId = realm.createUser("dan", PASSWORD);
        realm.browserToken("dan");
        String sessionId = rows(api.get(userSessions(userId), api.masterAdminToken())).get(0).get("id").asText();

        Response deleted = api.delete(realm.adminPath() + "/sessions/" + sessionId, api.masterAdminToken());
        assertEquals(204, deleted.status(), deleted.body());
        assertEquals(0, rows(api.get(userSessions(userId), api.masterAdminToken())).size());
        JsonNode revoked = new AuditLog(api, realm.name()).awaitEvent("auth.session_revoked", "dan",
                e -> sessionId.equals(e.at("/details/sessionId").asText()));
        assertTrue(revoked.at("/details/byAdmin").asBoolean(), revoked.toString());
        assertEquals(KeycloakServer.ADMIN_USER, revoked.get("actorUsername").asText(), revoked.toString());
    }

    @Test
    void signingAUserOutEverywhereThroughKeycloaksAdminApiIsRevokedByAnAdmin() {
        String userId = realm.createUser("eve", PASSWORD);
        realm.browserToken("eve");
        api.passwordGrant(realm.name(), "eve", PASSWORD);

        Response loggedOut = api.post(realm.adminPath() + "/users/" + userId + "/logout", api.masterAdminToken(), "");
        assertEquals(204, loggedOut.status(), loggedOut.body());
        assertEquals(0, rows(api.get(userSessions(userId), api.masterAdminToken())).size());
        JsonNode revoked = new AuditLog(api, realm.name()).awaitEvent("auth.session_revoked", "eve",
                e -> e.at("/details/allSessions").asBoolean());
        assertTrue(revoked.at("/details/byAdmin").asBoolean(), revoked.toString());
        assertFalse(revoked.at("/details/sessionId").isTextual(), revoked.toString());
    }

    private String adminWith(String username, String role) {
        String id = realm.createUser(username, PASSWORD);
        RealmManagementRoles.grant(api, realm.name(), id, role);
        return api.token(realm.name(), username, PASSWORD);
    }

    private static JsonNode withoutCurrent(JsonNode row) {
        return ((com.fasterxml.jackson.databind.node.ObjectNode) row.deepCopy()).without("current");
    }

    private static List<JsonNode> rows(Response response) {
        assertEquals(200, response.status(), response.body());
        return StreamSupport.stream(response.json().get("sessions").spliterator(), false)
                .sorted(Comparator.comparing(r -> r.get("id").asText() + r.get("offline").asText()))
                .toList();
    }

    private String userSessions(String userId) {
        return realm.adminPath() + "/security-center/users/" + userId + "/sessions";
    }
}
