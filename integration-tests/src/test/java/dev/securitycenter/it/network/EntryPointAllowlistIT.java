package dev.securitycenter.it.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.securitycenter.it.support.AllowlistedRealm;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.BrowserSession.Page;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Mail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The allowlist holds on every way into a session or a token besides the sign-in page and the password grant
 * (those are IpAllowlistIT): the forgotten-password and registration forms, a client with its own browser flow,
 * token exchange, the device grant and CIBA. 127.0.0.1 is on the list, 127.0.0.2 is not.
 */
@ExtendWith(KeycloakTestServer.class)
class EntryPointAllowlistIT {

    private static final String PASSWORD = AllowlistedRealm.PASSWORD;
    private static final String DENIED_PAGE = "Access from your network is not allowed.";
    private static final String DENIED_GRANT = "Access from your network is not allowed";
    private static final String PARTNER_SECRET = "partner-secret-0123456789";

    private final KeycloakApi api = KeycloakTestServer.api();
    @RegisterExtension
    final AllowlistedRealm network = new AllowlistedRealm("entry",
            Map.of("registrationAllowed", true, "resetPasswordAllowed", true));

    @Test
    void forgottenPasswordFormIsRefusedFromOutside() {
        String reset = "/realms/" + network.realm().name()
                + "/login-actions/reset-credentials?client_id=account-console";
        assertDeniedPage(network.outsider().get(reset, Map.of()), "username");
        Response inside = network.insider().get(reset, Map.of());
        assertEquals(200, inside.status(), inside.body());
        assertTrue(inside.body().contains("name=\"username\""), "the allowed address gets the form: " + inside.body());
        assertDeniedRecorded();
    }

    /** The link may be opened anywhere: a reset started on the allowed network is still refused outside it. */
    @Test
    void resetLinkOpenedOutsideTheNetworkIsRefused() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            network.realm().useSmtp(smtp.getSmtp().getPort());
            BrowserSession browser = new BrowserSession(api.baseUrl(), network.realm().name(),
                    "Mozilla/5.0 Chrome/126.0");
            Page form = browser.visit(browser.open().link("login-actions/reset-credentials"));
            assertEquals(200, form.submit(Map.of("username", "ada")).status());
            assertTrue(smtp.waitForIncomingEmail(15_000, 1), "the reset mail is sent");
            Matcher link = Pattern.compile("(https?://\\S+/login-actions/action-token\\?\\S+)")
                    .matcher(Mail.plainText(smtp.getReceivedMessages()[0]));
            assertTrue(link.find());

            // the link is opened where the list no longer admits it (the token is bound to this host name, so
            // the list moves rather than the browser)
            network.realm().changePolicy(policy -> ((ObjectNode) policy.get("ipAllowlist")).putArray("entries")
                    .addObject().put("value", "10.20.0.0/16"));
            Page elsewhere = browser.visit(link.group(1));
            assertEquals(403, elsewhere.status(), elsewhere.body());
            assertTrue(elsewhere.body().contains(DENIED_PAGE), elsewhere.body());
            assertFalse(elsewhere.hasField("password-new"), "no new password is asked for");
            JsonNode denied = new AuditLog(api, network.realm().name()).awaitEvent("auth.ip_denied", null,
                    e -> "127.0.0.1".equals(e.get("ipAddress").asText()));
            assertEquals("sign-in", denied.at("/details/where").asText());
        } finally {
            smtp.stop();
        }
    }

    @Test
    void registrationFormIsRefusedFromOutside() {
        String register = "/realms/" + network.realm().name() + "/protocol/openid-connect/registrations?client_id="
                + "account-console&response_type=code&scope=openid&redirect_uri=" + accountConsole()
                + "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        assertDeniedPage(network.outsider().get(register, Map.of()), "password");
        // without the authentication session the authorization endpoint would have begun, Keycloak serves no form
        String direct = "/realms/" + network.realm().name() + "/login-actions/registration?client_id=account-console";
        Response noSession = network.outsider().get(direct, Map.of());
        assertEquals(400, noSession.status(), noSession.body());
        assertFalse(noSession.body().contains("name=\"password\""), noSession.body());
        Response inside = network.insider().get(register, Map.of());
        assertEquals(200, inside.status(), inside.body());
        assertTrue(inside.body().contains("name=\"password-confirm\""), "the allowed address gets the form");
    }

    @Test
    void clientWithItsOwnBrowserFlowIsRefusedAtTheAuthorizationEndpoint() {
        String stockBrowserFlow = flowId("browser");
        Response created = api.post(network.realm().adminPath() + "/clients", api.masterAdminToken(), Map.of(
                "clientId", "legacy-app", "publicClient", true, "standardFlowEnabled", true,
                "redirectUris", List.of("http://legacy.example.test/*"),
                "authenticationFlowBindingOverrides", Map.of("browser", stockBrowserFlow)));
        assertEquals(201, created.status(), created.body());
        String signIn = "/realms/" + network.realm().name() + "/protocol/openid-connect/auth?client_id=legacy-app"
                + "&response_type=code&scope=openid&redirect_uri="
                + URLEncoder.encode("http://legacy.example.test/cb", StandardCharsets.UTF_8);

        assertDeniedPage(network.outsider().get(signIn, Map.of()), "password");
        // inside, the client's own flow is refused as well (ClientFlowOverrideIT), for what it is, not the network
        Response inside = network.insider().get(signIn, Map.of());
        assertEquals(403, inside.status(), inside.body());
        assertFalse(inside.body().contains(DENIED_PAGE), inside.body());
        assertFalse(inside.body().contains("name=\"password\""), inside.body());
        JsonNode denied = new AuditLog(api, network.realm().name()).awaitEvent("auth.ip_denied", null,
                e -> "authorization endpoint".equals(e.at("/details/where").asText()));
        assertEquals("127.0.0.2", denied.get("ipAddress").asText());
    }

    @Test
    void tokenExchangeDeviceAndCibaAreRefusedFromOutside() {
        Response created = api.post(network.realm().adminPath() + "/clients", api.masterAdminToken(), Map.of(
                "clientId", "partner", "publicClient", false, "secret", PARTNER_SECRET,
                "standardFlowEnabled", false, "serviceAccountsEnabled", true, "directAccessGrantsEnabled", true,
                "attributes", Map.of("standard.token.exchange.enabled", "true",
                        "oauth2.device.authorization.grant.enabled", "true",
                        "oidc.ciba.grant.enabled", "true")));
        assertEquals(201, created.status(), created.body());
        String subject = network.insider().postForm(token(), Map.of("grant_type", "password", "client_id", "partner",
                "client_secret", PARTNER_SECRET, "username", "ada", "password", PASSWORD), Map.of())
                .json().get("access_token").asText();

        Map<String, String> exchange = Map.of("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "client_id", "partner", "client_secret", PARTNER_SECRET, "subject_token", subject,
                "subject_token_type", "urn:ietf:params:oauth:token-type:access_token");
        Map<String, String> device = Map.of("client_id", "partner", "client_secret", PARTNER_SECRET);
        Map<String, String> ciba = Map.of("client_id", "partner", "client_secret", PARTNER_SECRET,
                "scope", "openid", "login_hint", "ada", "binding_message", "entry-test");
        String base = "/realms/" + network.realm().name() + "/protocol/openid-connect";

        assertDeniedGrant(403, network.outsider().postForm(token(), exchange, Map.of()));
        // Keycloak's device and CIBA endpoints answer every client-policy refusal with 400
        assertDeniedGrant(400, network.outsider().postForm(base + "/auth/device", device, Map.of()));
        assertDeniedGrant(400, network.outsider().postForm(base + "/ext/ciba/auth", ciba, Map.of()));

        Response exchanged = network.insider().postForm(token(), exchange, Map.of());
        assertEquals(200, exchanged.status(), "the allowed address exchanges: " + exchanged.body());
        Response authorized = network.insider().postForm(base + "/auth/device", device, Map.of());
        assertEquals(200, authorized.status(), "the allowed address starts a device sign-in: " + authorized.body());
        Response backchannel = network.insider().postForm(base + "/ext/ciba/auth", ciba, Map.of());
        assertNotEquals(403, backchannel.status(), "CIBA from the allowed address is not refused by the allowlist: "
                + backchannel.body());
    }

    /** The UMA grant raises no client-policy event; the allowlist still refuses its token from outside. */
    @Test
    void umaTicketGrantIsRefusedFromOutside() {
        String adaId = api.get(network.realm().adminPath() + "/users?exact=true&username=ada", api.masterAdminToken())
                .json().get(0).get("id").asText();
        Response created = api.post(network.realm().adminPath() + "/clients", api.masterAdminToken(), Map.of(
                "clientId", "records", "publicClient", false, "secret", PARTNER_SECRET,
                "serviceAccountsEnabled", true, "authorizationServicesEnabled", true));
        assertEquals(201, created.status(), created.body());
        String authz = network.realm().adminPath() + "/clients/"
                + created.location().substring(created.location().lastIndexOf('/') + 1) + "/authz/resource-server";
        String resource = api.post(authz + "/resource", api.masterAdminToken(), Map.of("name", "ledger"))
                .json().get("_id").asText();
        String onlyAda = api.post(authz + "/policy/user", api.masterAdminToken(),
                Map.of("name", "only ada", "users", List.of(adaId))).json().get("id").asText();
        Response permission = api.post(authz + "/permission/resource", api.masterAdminToken(), Map.of(
                "name", "ada reads the ledger", "resources", List.of(resource), "policies", List.of(onlyAda)));
        assertEquals(201, permission.status(), permission.body());
        String bearer = "Bearer " + api.passwordGrant(network.realm().name(), "ada", PASSWORD).json()
                .get("access_token").asText();
        Map<String, String> uma = Map.of("grant_type", "urn:ietf:params:oauth:grant-type:uma-ticket",
                "audience", "records", "permission", "ledger");

        Response inside = network.insider().postForm(token(), uma, Map.of("Authorization", bearer));
        assertEquals(200, inside.status(), "the allowed address gets its requesting party token: " + inside.body());
        assertDeniedGrant(403, network.outsider().postForm(token(), uma, Map.of("Authorization", bearer)));
        new AuditLog(api, network.realm().name()).awaitEvent("auth.ip_denied", null,
                e -> "token endpoint (uma_ticket)".equals(e.at("/details/where").asText()));
    }

    private void assertDeniedPage(Response page, String formField) {
        assertEquals(403, page.status(), page.body());
        assertTrue(page.body().contains(DENIED_PAGE), page.body());
        assertFalse(page.body().contains("name=\"" + formField + "\""), "no form is served: " + page.body());
    }

    private void assertDeniedGrant(int status, Response refused) {
        assertEquals(status, refused.status(), refused.body());
        assertEquals("invalid_grant", refused.json().get("error").asText());
        assertEquals(DENIED_GRANT, refused.json().get("error_description").asText());
    }

    private void assertDeniedRecorded() {
        JsonNode denied = new AuditLog(api, network.realm().name()).awaitEvent("auth.ip_denied", null,
                e -> "127.0.0.2".equals(e.get("ipAddress").asText()));
        assertEquals("sign-in", denied.at("/details/where").asText());
    }

    private String flowId(String alias) {
        String flows = network.realm().adminPath() + "/authentication/flows";
        for (JsonNode flow : api.get(flows, api.masterAdminToken()).json()) {
            if (alias.equals(flow.get("alias").asText())) {
                return flow.get("id").asText();
            }
        }
        throw new AssertionError("No flow " + alias);
    }

    private String token() {
        return "/realms/" + network.realm().name() + "/protocol/openid-connect/token";
    }

    private String accountConsole() {
        return URLEncoder.encode(api.baseUrl() + "/realms/" + network.realm().name() + "/account/",
                StandardCharsets.UTF_8);
    }
}
