package dev.securitycenter.it.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.SourceBoundHttp;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client with a browser or direct-grant flow of its own (Keycloak's {@code authenticationFlowBindingOverrides})
 * would sign users in past the policy: here every user must have a second factor, and Keycloak's stock flows would
 * hand a token to a user who has none. Such clients are refused sign-in from every address, OIDC and SAML alike;
 * a client whose override names the managed flow signs in as usual. All requests come from the allowed address.
 */
@ExtendWith(KeycloakTestServer.class)
class ClientFlowOverrideIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final String SECRET = "legacy-secret-0123456789";
    private static final String REFUSED_PAGE = "This application signs in with a flow of its own that skips the "
            + "security policy of this organisation";
    private static final String ACS = "http://sp.example.test/saml/acs";

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;
    private SourceBoundHttp insider;

    @BeforeEach
    void realmRequiringASecondFactorOfEveryone() {
        realm = TestRealm.create(api, "overrides", Map.of());
        realm.createUser("ada", PASSWORD);
        realm.allowOnlyThisMachine();
        realm.changePolicy(policy -> policy.withObjectProperty("mfa").put("enforcement", "REQUIRED_ALL")
                .putArray("methods").add("TOTP"));
        insider = new SourceBoundHttp(api.baseUrl(), "127.0.0.1");
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void oidcClientWithItsOwnBrowserFlowIsRefusedBeforeAnyForm() {
        addOidcClient("legacy-app", Map.of("browser", flowId("browser")));
        Response page = insider.get(authorization("legacy-app"), Map.of());
        assertEquals(403, page.status(), page.body());
        assertTrue(page.body().contains(REFUSED_PAGE), page.body());
        assertFalse(page.body().contains("name=\"password\""), "no sign-in form is served: " + page.body());
        assertLoginFailureRecorded(null);
    }

    /** The stock direct-grant flow would issue a token to ada, who has no second factor; the managed one would not. */
    @Test
    void clientWithItsOwnDirectGrantFlowGetsNoTokenForARightPassword() {
        addOidcClient("legacy-app", Map.of("direct_grant", flowId("direct grant")));
        Response grant = insider.postForm(token(), Map.of("grant_type", "password", "client_id", "legacy-app",
                "client_secret", SECRET, "username", "ada", "password", PASSWORD), Map.of());
        assertEquals(403, grant.status(), grant.body());
        assertFalse(grant.body().contains("access_token"), grant.body());
        assertEquals("unauthorized_client", grant.json().get("error").asText());
        assertLoginFailureRecorded("legacy-app");
    }

    @Test
    void samlClientWithItsOwnBrowserFlowIsRefusedBeforeAnyForm() {
        addSamlClient("urn:sp:plain", Map.of());
        Response plain = insider.get(samlRequest("urn:sp:plain"), Map.of());
        assertEquals(200, plain.status(), "a SAML client on the managed flow gets the sign-in form: " + plain.body());
        assertTrue(plain.body().contains("name=\"password\""), plain.body());

        addSamlClient("urn:sp:legacy", Map.of("browser", flowId("browser")));
        Response refused = insider.get(samlRequest("urn:sp:legacy"), Map.of());
        // Keycloak's SAML endpoint answers every client-policy refusal with its generic 400 page
        assertEquals(400, refused.status(), refused.body());
        assertFalse(refused.body().contains("name=\"password\""), "no sign-in form is served: " + refused.body());
        assertLoginFailureRecorded(null);
    }

    @Test
    void overrideNamingTheManagedFlowSignsInAsUsual() {
        addOidcClient("modern-app", Map.of("browser", flowId("security-center browser"),
                "direct_grant", flowId("security-center direct grant")));
        Response page = insider.get(authorization("modern-app"), Map.of());
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("name=\"password\""), page.body());
        Response grant = insider.postForm(token(), Map.of("grant_type", "password", "client_id", "modern-app",
                "client_secret", SECRET, "username", "ada", "password", PASSWORD), Map.of());
        assertFalse(grant.body().contains("access_token"), "the managed flow still wants ada's second factor: "
                + grant.body());
        assertFalse("unauthorized_client".equals(grant.json().path("error").asText()), grant.body());
    }

    private void addOidcClient(String clientId, Map<String, String> overrides) {
        Response created = api.post(realm.adminPath() + "/clients", api.masterAdminToken(), Map.of(
                "clientId", clientId, "publicClient", false, "secret", SECRET, "standardFlowEnabled", true,
                "directAccessGrantsEnabled", true, "redirectUris", List.of("http://legacy.example.test/*"),
                "authenticationFlowBindingOverrides", overrides));
        assertEquals(201, created.status(), created.body());
    }

    private void addSamlClient(String clientId, Map<String, String> overrides) {
        Map<String, Object> client = new HashMap<>(Map.of("clientId", clientId, "protocol", "saml",
                "redirectUris", List.of("http://sp.example.test/*"),
                "attributes", Map.of("saml.client.signature", "false", "saml_force_name_id_format", "false"),
                "authenticationFlowBindingOverrides", overrides));
        Response created = api.post(realm.adminPath() + "/clients", api.masterAdminToken(), client);
        assertEquals(201, created.status(), created.body());
    }

    /** An unsigned AuthnRequest in the HTTP-Redirect binding (deflated, base64, URL-encoded). */
    private String samlRequest(String issuer) {
        String xml = "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
                + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_" + System.nanoTime() + "\" "
                + "Version=\"2.0\" IssueInstant=\"" + Instant.now() + "\" AssertionConsumerServiceURL=\"" + ACS
                + "\" ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\">"
                + "<saml:Issuer>" + issuer + "</saml:Issuer></samlp:AuthnRequest>";
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(Deflater.DEFLATED, true))) {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return "/realms/" + realm.name() + "/protocol/saml?SAMLRequest=" + URLEncoder.encode(
                Base64.getEncoder().encodeToString(deflated.toByteArray()), StandardCharsets.UTF_8);
    }

    private String authorization(String clientId) {
        return "/realms/" + realm.name() + "/protocol/openid-connect/auth?client_id=" + clientId
                + "&response_type=code&scope=openid&redirect_uri="
                + URLEncoder.encode("http://legacy.example.test/cb", StandardCharsets.UTF_8);
    }

    /**
     * Keycloak records the refusal as a login error; at the authorization and SAML endpoints it has not taken the
     * client into its event yet, so only the password grant's record names it.
     */
    private void assertLoginFailureRecorded(String clientId) {
        JsonNode failed = new AuditLog(api, realm.name()).awaitEvent("auth.login_failed", null,
                e -> "unauthorized_client".equals(e.at("/details/error").asText()));
        assertEquals("127.0.0.1", failed.get("ipAddress").asText(), failed.toString());
        if (clientId != null) {
            assertEquals(clientId, failed.get("clientId").asText(), failed.toString());
        }
    }

    private String flowId(String alias) {
        for (JsonNode flow : api.get(realm.adminPath() + "/authentication/flows", api.masterAdminToken()).json()) {
            if (alias.equals(flow.get("alias").asText())) {
                return flow.get("id").asText();
            }
        }
        throw new AssertionError("No flow " + alias);
    }

    private String token() {
        return "/realms/" + realm.name() + "/protocol/openid-connect/token";
    }
}
