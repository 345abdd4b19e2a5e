package dev.securitycenter.it.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakServer;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.SourceBoundHttp;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The IP allowlist holds for a person signing in, a script at the token endpoint, an app refreshing a token and the
 * extension's own API. Other "machines" are other loopback addresses; 127.0.0.3 is the server's trusted proxy.
 */
@ExtendWith(KeycloakTestServer.class)
class IpAllowlistIT {

    private static final String PASSWORD = "Correct-Horse-42!";

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;
    private SourceBoundHttp outsider;
    private SourceBoundHttp proxy;

    @BeforeEach
    void realmAllowingOnlyThisMachine() {
        realm = TestRealm.create(api, "allowlist", Map.of());
        realm.createUser("ada", PASSWORD);
        realm.allowOnlyThisMachine();
        outsider = new SourceBoundHttp(api.baseUrl(), "127.0.0.2");
        proxy = new SourceBoundHttp(api.baseUrl(), KeycloakServer.TRUSTED_PROXY);
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void tokenRequestFromOutsideIsRefusedAndRecorded() {
        assertEquals(200, grant(null, Map.of()).status(), "the allowed address signs in");

        Response refused = grant(outsider, Map.of());
        assertEquals(403, refused.status(), refused.body());
        assertEquals("invalid_grant", refused.json().get("error").asText());
        assertEquals("Access from your network is not allowed", refused.json().get("error_description").asText());

        JsonNode denied = new AuditLog(api, realm.name()).awaitEvent("auth.ip_denied", null,
                e -> "127.0.0.2".equals(e.get("ipAddress").asText()));
        assertTrue(denied.at("/details/where").asText().startsWith("token endpoint"), denied.toString());
    }

    @Test
    void forwardedHeadersCountOnlyFromTheTrustedProxy() {
        assertEquals(403, grant(outsider, Map.of("X-Forwarded-For", "127.0.0.1")).status(),
                "a client cannot claim an allowed address");
        assertEquals(200, grant(proxy, Map.of("X-Forwarded-For", "127.0.0.1")).status(),
                "behind the trusted proxy the forwarded address decides");
        assertEquals(403, grant(proxy, Map.of("X-Forwarded-For", "127.0.0.2")).status());
    }

    /**
     * README's proxy set-up: with Keycloak's {@code proxy-headers=xforwarded}, the first address of
     * X-Forwarded-For counts. A proxy that appends keeps whatever the client sent in front, so the client chooses
     * its address; a proxy that overwrites the header with the address it sees leaves no choice.
     */
    @Test
    void behindTheTrustedProxyTheFirstForwardedAddressDecides() {
        assertEquals(200, grant(proxy, Map.of("X-Forwarded-For", "127.0.0.1, 127.0.0.2")).status(),
                "an appending proxy passes on the client's claim 127.0.0.1 in front of its real 127.0.0.2");
        assertEquals(403, grant(proxy, Map.of("X-Forwarded-For", "127.0.0.2")).status(),
                "an overwriting proxy passes on only the address it saw");
    }

    @Test
    void masterAdminsAddressIsNeverAddedToATenantRealmsList() {
        String policy = realm.adminPath() + "/security-center/policy";
        ObjectNode doc = (ObjectNode) api.get(policy, api.masterAdminToken()).json();
        ((ObjectNode) doc.get("ipAllowlist")).putArray("entries").addObject().put("value", "10.20.0.0/16");
        Response saved = api.put(policy, api.masterAdminToken(), doc);
        assertEquals(200, saved.status(), saved.body());
        assertEquals(1, saved.json().at("/policy/ipAllowlist/entries").size(), saved.body());
        assertEquals("10.20.0.0/16", saved.json().at("/policy/ipAllowlist/entries/0/value").asText());
        assertEquals(0, saved.json().get("notices").size(), "no CALLER_ADDRESS_ADDED: " + saved.body());
        assertEquals(403, grant(null, Map.of()).status(), "this machine is off the tenant's list now");
        assertEquals(200, api.get(policy, api.masterAdminToken()).status(), "master admins follow master's rules");
    }

    @Test
    void refreshFromOutsideIsRefused() {
        JsonNode tokens = grant(null, Map.of()).json();
        Response refresh = outsider.postForm("/realms/" + realm.name() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "refresh_token", "client_id", "admin-cli",
                "refresh_token", tokens.get("refresh_token").asText()), Map.of());
        assertEquals(403, refresh.status(), refresh.body());
        assertEquals("invalid_grant", refresh.json().get("error").asText());
    }

    @Test
    void browserSignInFromOutsideGetsAPageSayingSo() {
        Response page = outsider.get("/realms/" + realm.name() + "/protocol/openid-connect/auth?client_id="
                + "account-console&response_type=code&scope=openid&redirect_uri="
                + java.net.URLEncoder.encode(api.baseUrl() + "/realms/" + realm.name() + "/account/",
                java.nio.charset.StandardCharsets.UTF_8)
                + "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                Map.of());
        assertEquals(403, page.status(), page.body());
        assertTrue(page.body().contains("Access from your network is not allowed."), page.body());
        assertTrue(!page.body().contains("name=\"password\""), "no sign-in form is shown");
        // refused before Keycloak creates an authentication session: an outsider's flood costs no session
        JsonNode denied = new AuditLog(api, realm.name()).awaitEvent("auth.ip_denied", null,
                e -> "127.0.0.2".equals(e.get("ipAddress").asText()));
        assertEquals("authorization endpoint", denied.at("/details/where").asText(), denied.toString());
    }

    @Test
    void extensionApiFromOutsideIsRefusedEvenWithAValidToken() {
        String token = grant(null, Map.of()).json().get("access_token").asText();
        String activity = "/realms/" + realm.name() + "/security-center/account/activity";
        assertEquals(200, api.get(activity, token).status());
        assertEquals(403, outsider.get(activity, Map.of("Authorization", "Bearer " + token)).status());
    }

    @Test
    void ipv6ClientsAreCheckedLikeIpv4Ones() {
        SourceBoundHttp ipv6 = new SourceBoundHttp(api.baseUrl().replace("127.0.0.1", "[::1]"), "::1");
        assertEquals(403, grant(ipv6, Map.of()).status(), "::1 is not on a list holding only 127.0.0.1");

        String policy = realm.adminPath() + "/security-center/policy";
        ObjectNode doc = (ObjectNode) api.get(policy, api.masterAdminToken()).json();
        ((ArrayNode) doc.withObjectProperty("ipAllowlist").get("entries")).addObject().put("value", "::1/128");
        assertEquals(200, api.put(policy, api.masterAdminToken(), doc).status());
        assertEquals(200, grant(ipv6, Map.of()).status());
        assertEquals(403, grant(outsider, Map.of()).status(), "127.0.0.2 is still outside");
    }

    @Test
    void disablingTheAllowlistLetsEveryoneIn() {
        String policy = realm.adminPath() + "/security-center/policy";
        ObjectNode doc = (ObjectNode) api.get(policy, api.masterAdminToken()).json();
        doc.withObjectProperty("ipAllowlist").put("enabled", false);
        assertEquals(200, api.put(policy, api.masterAdminToken(), doc).status());
        assertEquals(200, grant(outsider, Map.of()).status());
    }

    private Response grant(SourceBoundHttp from, Map<String, String> headers) {
        if (from == null) {
            return api.passwordGrant(realm.name(), "ada", PASSWORD);
        }
        return from.postForm("/realms/" + realm.name() + "/protocol/openid-connect/token", Map.of("grant_type",
                "password", "client_id", "admin-cli", "username", "ada", "password", PASSWORD), headers);
    }
}
