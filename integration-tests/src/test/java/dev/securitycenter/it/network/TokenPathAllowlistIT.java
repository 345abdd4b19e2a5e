package dev.securitycenter.it.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.AllowlistedRealm;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.BrowserSession.Page;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The token paths besides the password and refresh grants (IpAllowlistIT), token exchange, device, CIBA and UMA
 * (EntryPointAllowlistIT): from outside the allowlist none of them yields a token or a user's data, even with a
 * code, token or client secret obtained inside. 127.0.0.1 is on the list, 127.0.0.2 is not.
 */
@ExtendWith(KeycloakTestServer.class)
class TokenPathAllowlistIT {

    private static final String PASSWORD = AllowlistedRealm.PASSWORD;
    private static final String SECRET = "partner-secret-0123456789";
    private static final String DENIED = "Access from your network is not allowed";
    private static final String REDIRECT = "http://partner.example.test/cb";

    private final KeycloakApi api = KeycloakTestServer.api();
    @RegisterExtension
    final AllowlistedRealm network = new AllowlistedRealm("tokenpaths", Map.of());

    @BeforeEach
    void partnerClient() {
        Response created = api.post(network.realm().adminPath() + "/clients", api.masterAdminToken(), Map.of(
                "clientId", "partner", "publicClient", false, "secret", SECRET, "standardFlowEnabled", true,
                "serviceAccountsEnabled", true, "directAccessGrantsEnabled", true,
                "redirectUris", List.of(REDIRECT),
                // Keycloak introspects a token only for a client in its audience
                "protocolMappers", List.of(Map.of("name", "own audience", "protocol", "openid-connect",
                        "protocolMapper", "oidc-audience-mapper", "config", Map.of(
                                "included.client.audience", "partner", "access.token.claim", "true",
                                "introspection.token.claim", "true")))));
        assertEquals(201, created.status(), created.body());
    }

    /**
     * A code is worth as much as the tokens it buys: one issued on the allowed network and presented from outside
     * (stolen from a redirect, a log, a proxy) buys nothing, and Keycloak has spent it, so it buys nothing later
     * either. That is what a bank wants: the sign-in starts over on the allowed network.
     */
    @Test
    void codeIssuedInsideIsNotRedeemedOutside() {
        BrowserSession browser = new BrowserSession(api.baseUrl(), network.realm().name(), "Mozilla/5.0 Chrome/126.0");
        Page done = browser.signIn("ada", PASSWORD);
        Map<String, String> exchange = browser.codeExchange(done);

        Response outside = network.outsider().postForm(token(), exchange, Map.of());
        // Keycloak answers a client-policy refusal of the code and client-credentials grants with 400
        assertRefused(400, outside);
        assertEquals("invalid_grant", outside.json().get("error").asText());
        assertEquals(DENIED, outside.json().get("error_description").asText());
        Response later = network.insider().postForm(token(), exchange, Map.of());
        assertEquals(400, later.status(), "the code was spent by the refused attempt: " + later.body());
        assertFalse(later.body().contains("access_token"), later.body());
        assertDeniedRecorded("token endpoint (token_request)");
    }

    @Test
    void serviceAccountGetsNoTokenOutside() {
        Map<String, String> credentials = Map.of("grant_type", "client_credentials", "client_id", "partner",
                "client_secret", SECRET);
        Response inside = network.insider().postForm(token(), credentials, Map.of());
        assertEquals(200, inside.status(), "the allowed address gets the service account's token: " + inside.body());

        Response outside = network.outsider().postForm(token(), credentials, Map.of());
        assertRefused(400, outside);
        assertEquals(DENIED, outside.json().get("error_description").asText());
        assertDeniedRecorded("token endpoint (service_account_token_request)");
    }

    @Test
    void pushedAuthorizationRequestIsRefusedOutside() {
        Map<String, String> par = Map.of("client_id", "partner", "client_secret", SECRET, "response_type", "code",
                "scope", "openid", "redirect_uri", REDIRECT);
        String endpoint = "/realms/" + network.realm().name() + "/protocol/openid-connect/ext/par/request";
        Response inside = network.insider().postForm(endpoint, par, Map.of());
        assertEquals(201, inside.status(), "the allowed address pushes its request: " + inside.body());
        assertTrue(inside.json().has("request_uri"), inside.body());

        Response outside = network.outsider().postForm(endpoint, par, Map.of());
        assertRefused(400, outside);
        assertFalse(outside.body().contains("request_uri"), outside.body());
        assertDeniedRecorded("token endpoint (pushed_authorization_request)");
    }

    /** A user's token taken outside tells nothing there: introspection does not answer with its data. */
    @Test
    void userTokenIsNotIntrospectedOutside() {
        Map<String, String> introspect = Map.of("client_id", "partner", "client_secret", SECRET,
                "token", userAccessToken());
        String introspection = token() + "/introspect";
        Response inside = network.insider().postForm(introspection, introspect, Map.of());
        assertEquals(200, inside.status(), inside.body());
        assertTrue(inside.json().get("active").asBoolean(), "inside the token is active: " + inside.body());

        // Keycloak's introspection endpoint answers a client-policy refusal with 400 invalid_request
        assertRefused(400, network.outsider().postForm(introspection, introspect, Map.of()));
        assertDeniedRecorded("token endpoint (token_introspect)");
    }

    @Test
    void userinfoAnswersNothingOutside() {
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + userAccessToken());
        String userinfo = "/realms/" + network.realm().name() + "/protocol/openid-connect/userinfo";
        Response inside = network.insider().get(userinfo, bearer);
        assertEquals(200, inside.status(), inside.body());
        assertEquals("ada", inside.json().get("preferred_username").asText());

        assertRefused(403, network.outsider().get(userinfo, bearer));
        assertDeniedRecorded("token endpoint (userinfo_request)");
    }

    private String userAccessToken() {
        return network.insider().postForm(token(), Map.of("grant_type", "password", "client_id", "partner",
                "client_secret", SECRET, "username", "ada", "password", PASSWORD, "scope", "openid email profile"),
                Map.of()).json().get("access_token").asText();
    }

    /** Refused, and nothing of the user or a token in the answer. */
    private static void assertRefused(int status, Response refused) {
        assertEquals(status, refused.status(), refused.body());
        for (String leak : new String[]{"access_token", "\"active\":true", "ada", "preferred_username", "sub"}) {
            assertFalse(refused.body().contains(leak), "no " + leak + " in " + refused.body());
        }
    }

    private void assertDeniedRecorded(String where) {
        JsonNode denied = new AuditLog(api, network.realm().name()).awaitEvent("auth.ip_denied", null,
                e -> where.equals(e.at("/details/where").asText()));
        assertEquals("127.0.0.2", denied.get("ipAddress").asText());
    }

    private String token() {
        return "/realms/" + network.realm().name() + "/protocol/openid-connect/token";
    }
}
