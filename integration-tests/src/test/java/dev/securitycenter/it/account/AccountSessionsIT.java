package dev.securitycenter.it.account;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakServer;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.SessionsRealm;
import dev.securitycenter.it.support.SourceBoundHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Profile ▸ Security ▸ Sessions: only the caller's own sessions, with device, address, place and "current". */
@ExtendWith(KeycloakTestServer.class)
class AccountSessionsIT {

    private static final String PASSWORD = SessionsRealm.PASSWORD;

    @RegisterExtension
    static final SessionsRealm realm = new SessionsRealm("account-sessions");
    private final KeycloakApi api = KeycloakTestServer.api();

    @Test
    void theListShowsDeviceAddressPlaceAndTheCurrentSession() {
        realm.createUser("gus", PASSWORD);
        String current = realm.browserToken("gus");
        api.passwordGrant(realm.name(), "gus", PASSWORD);

        Response response = api.get(realm.accountSessionsPath(), current);
        assertEquals(200, response.status(), response.body());
        List<JsonNode> list = list(response);
        assertEquals(2, list.size(), response.body());
        JsonNode mine = list.stream().filter(s -> s.get("current").asBoolean()).findFirst().orElseThrow();
        assertEquals("Chrome on Linux", mine.get("device").asText());
        assertTrue(mine.get("browser").asText().startsWith("Chrome/126"), mine.toString());
        assertEquals("Linux", mine.get("os").asText());
        assertEquals("127.0.0.1", mine.get("ip").asText());
        assertEquals("Local network", mine.get("location").asText());
        assertEquals(List.of("account-console"), List.of(mine.get("clients").get(0).asText()));
        assertFalse(mine.get("offline").asBoolean());
        assertTrue(mine.get("lastActive").asText().endsWith("Z") && mine.get("started").asText().endsWith("Z"));
        assertEquals(1, list.stream().filter(s -> s.get("current").asBoolean()).count());
        assertTrue(response.json().get("locationAttribution").asText().contains("DB-IP"));
    }

    @Test
    void aSessionFromAPublicAddressIsPlacedOnTheMap() {
        realm.createUser("hal", PASSWORD);
        // the trusted proxy forwards a client at Google's public DNS address
        Response viaProxy = new SourceBoundHttp(api.baseUrl(), KeycloakServer.TRUSTED_PROXY).postForm(
                "/realms/" + realm.name() + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "hal", "password", PASSWORD),
                Map.of("X-Forwarded-For", "8.8.8.8"));
        assertEquals(200, viaProxy.status(), viaProxy.body());

        JsonNode remote = list(api.get(realm.accountSessionsPath(), api.token(realm.name(), "hal", PASSWORD))).stream()
                .filter(s -> "8.8.8.8".equals(s.get("ip").asText())).findFirst().orElseThrow();
        assertTrue(remote.get("location").asText().endsWith("United States"), remote.toString());
    }

    @Test
    void anotherUsersSessionIdIsNotFoundAndTheCurrentOneCannotBeTerminated() {
        realm.createUser("ida", PASSWORD);
        realm.createUser("jon", PASSWORD);
        String ida = realm.browserToken("ida");
        String jons = list(api.get(realm.accountSessionsPath(), realm.browserToken("jon"))).get(0).get("id").asText();

        assertEquals(404, api.post(realm.accountSessionsPath() + "/" + jons + "/terminate", ida, "").status());
        assertEquals(404, api.post(realm.accountSessionsPath() + "/no-such-session/terminate", ida, "").status());
        String own = list(api.get(realm.accountSessionsPath(), ida)).get(0).get("id").asText();
        Response refused = api.post(realm.accountSessionsPath() + "/" + own + "/terminate", ida, "");
        assertEquals(409, refused.status(), refused.body());
        assertEquals(200, api.get(realm.accountSessionsPath(), ida).status(), "still signed in");
    }

    @Test
    void terminatingASessionEndsItAndIsAudited() {
        realm.createUser("kim", PASSWORD);
        String current = realm.browserToken("kim");
        Response other = api.passwordGrant(realm.name(), "kim", PASSWORD);
        String otherId = list(api.get(realm.accountSessionsPath(), current)).stream()
                .filter(s -> !s.get("current").asBoolean())
                .findFirst().orElseThrow().get("id").asText();

        Response terminated = api.post(realm.accountSessionsPath() + "/" + otherId + "/terminate", current, "");
        assertEquals(200, terminated.status(), terminated.body());
        assertEquals(400, api.refresh(realm.name(), other.json().get("refresh_token").asText()).status());
        assertEquals(1, list(api.get(realm.accountSessionsPath(), current)).size());
        new AuditLog(api, realm.name()).awaitEvent("auth.session_revoked", "kim",
                e -> otherId.equals(e.at("/details/sessionId").asText()));
    }

    @Test
    void terminateAllKeepsTheCurrentSession() {
        realm.createUser("lea", PASSWORD);
        String current = realm.browserToken("lea");
        Response online = api.passwordGrant(realm.name(), "lea", PASSWORD);
        Response offline = api.offlineGrant(realm.name(), "lea", PASSWORD);

        List<JsonNode> before = list(api.get(realm.accountSessionsPath(), current));
        assertEquals(3, before.size());
        assertEquals(1, before.stream().filter(s -> s.get("offline").asBoolean()).count(), "offline marked");

        Response all = api.post(realm.accountSessionsPath() + "/terminate-all", current, "");
        assertEquals(200, all.status(), all.body());
        assertEquals(2, all.json().get("terminated").asInt());
        List<JsonNode> after = list(api.get(realm.accountSessionsPath(), current));
        assertEquals(1, after.size());
        assertTrue(after.get(0).get("current").asBoolean());
        assertEquals(400, api.refresh(realm.name(), online.json().get("refresh_token").asText()).status());
        assertEquals(400, api.refresh(realm.name(), offline.json().get("refresh_token").asText()).status());
    }

    @Test
    void theOfflineSessionOfTheCurrentSignInIsListedAndEndedByTerminateAll() {
        realm.createUser("max", PASSWORD);
        SignIn signIn = signInWithOfflineSession("max");

        List<JsonNode> before = list(api.get(realm.accountSessionsPath(), signIn.accessToken()));
        assertEquals(2, before.size(), before.toString());
        JsonNode offlineRow = before.stream().filter(s -> s.get("offline").asBoolean()).findFirst().orElseThrow();
        assertFalse(offlineRow.get("current").asBoolean(), "the offline session is a session of its own: " + before);

        Response all = api.post(realm.accountSessionsPath() + "/terminate-all", signIn.accessToken(), "");
        assertEquals(200, all.status(), all.body());
        assertEquals(1, all.json().get("terminated").asInt(), all.body());
        assertEquals(400, offlineRefresh(signIn).status(), "the offline refresh token no longer works");
        List<JsonNode> after = list(api.get(realm.accountSessionsPath(), signIn.accessToken()));
        assertEquals(1, after.size(), after.toString());
        assertTrue(after.get(0).get("current").asBoolean());
    }

    @Test
    void theOfflineSessionOfTheCurrentSignInCanBeRevokedByItsRow() {
        realm.createUser("ned", PASSWORD);
        SignIn signIn = signInWithOfflineSession("ned");
        String offlineId = list(api.get(realm.accountSessionsPath(), signIn.accessToken())).stream()
                .filter(s -> s.get("offline").asBoolean()).findFirst().orElseThrow().get("id").asText();

        Response revoked = api.post(realm.accountSessionsPath() + "/" + offlineId + "/terminate",
                signIn.accessToken(), "");
        assertEquals(200, revoked.status(), revoked.body());
        assertEquals(400, offlineRefresh(signIn).status());
        List<JsonNode> after = list(api.get(realm.accountSessionsPath(), signIn.accessToken()));
        assertEquals(1, after.size(), "the current online session stays: " + after);
        assertFalse(after.get(0).get("offline").asBoolean());
        Response again = api.post(realm.accountSessionsPath() + "/" + offlineId + "/terminate",
                signIn.accessToken(), "");
        assertEquals(409, again.status(), "what is left of that id is the current session: " + again.body());
    }

    @Test
    void aPasswordChangeEndsTheOfflineSessionOfTheCurrentSignIn() {
        realm.createUser("ola", PASSWORD);
        SignIn signIn = signInWithOfflineSession("ola");

        Response changed = api.post("/realms/" + realm.name() + "/security-center/account/password",
                signIn.accessToken(), Map.of("currentPassword", PASSWORD, "newPassword", "Another-Horse-43!",
                        "confirmation", "Another-Horse-43!"));
        assertEquals(200, changed.status(), changed.body());
        assertEquals(1, changed.json().get("terminatedSessions").asInt(), changed.body());
        assertEquals(400, offlineRefresh(signIn).status());
        assertEquals(1, list(api.get(realm.accountSessionsPath(), signIn.accessToken())).size());
    }

    /** The console's sign-in, then, in the same browser, an offline token: both sessions carry one id. */
    private record SignIn(String accessToken, String offlineRefreshToken) {
    }

    private SignIn signInWithOfflineSession(String username) {
        BrowserSession browser = realm.browser();
        String accessToken = browser.tokens(browser.signIn(username, PASSWORD)).get("access_token").asText();
        String offlineToken = browser.tokens(browser.open("openid offline_access")).get("refresh_token").asText();
        assertEquals("Offline", claims(offlineToken).get("typ").asText());
        return new SignIn(accessToken, offlineToken);
    }

    private static JsonNode claims(String jwt) {
        try {
            return KeycloakApi.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response offlineRefresh(SignIn signIn) {
        return api.postForm("/realms/" + realm.name() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "refresh_token", "client_id", "account-console",
                "refresh_token", signIn.offlineRefreshToken()));
    }

    private static List<JsonNode> list(Response response) {
        assertEquals(200, response.status(), response.body());
        return StreamSupport.stream(response.json().get("sessions").spliterator(), false).toList();
    }
}
