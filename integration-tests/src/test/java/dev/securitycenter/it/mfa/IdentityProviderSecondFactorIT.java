package dev.securitycenter.it.mfa;

import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.BrowserSession.Page;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.SecondFactors;
import dev.securitycenter.it.support.TestRealm;
import dev.securitycenter.it.support.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing in through an identity provider obeys the realm's 2FA policy: a linked user with an authenticator app
 * is asked for it, and a user created by the first broker login under REQUIRED_ALL enrols before the sign-in
 * completes, also through a provider added after the policy was saved. The identity provider is a second realm of
 * the same server acting as OpenID provider.
 */
@ExtendWith(KeycloakTestServer.class)
class IdentityProviderSecondFactorIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36";
    private static final String SECRET = "BrokeredSecondFactor1";
    private static final String BROKER_SECRET = "broker-secret-0123456789";

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm provider;
    private TestRealm realm;

    @BeforeEach
    void realmSigningInThroughAnotherRealm() {
        provider = TestRealm.create(api, "upstream", Map.of());
        realm = TestRealm.create(api, "brokered", Map.of());
        Response client = api.post(provider.adminPath() + "/clients", api.masterAdminToken(), Map.of(
                "clientId", "downstream", "publicClient", false, "secret", BROKER_SECRET,
                "redirectUris", List.of(api.baseUrl() + "/realms/" + realm.name() + "/broker/*")));
        assertEquals(201, client.status(), client.body());
        addIdentityProvider("upstream");
        assertEquals(200, api.post(realm.adminPath() + "/security-center/policy/defaults", api.masterAdminToken(), "")
                .status());
    }

    @AfterEach
    void deleteRealms() {
        realm.close();
        provider.close();
    }

    @Test
    void linkedUserWithAnAuthenticatorAppIsAskedForIt() {
        String upstreamId = provider.createUser("rey", PASSWORD);
        String userId = realm.createUser("rey", "Local-Password-77!", List.of(SecondFactors.totp(SECRET)));
        Response linked = api.post(realm.adminPath() + "/users/" + userId + "/federated-identity/upstream",
                api.masterAdminToken(), Map.of("identityProvider", "upstream", "userId", upstreamId,
                        "userName", "rey"));
        assertEquals(204, linked.status(), linked.body());

        BrowserSession browser = new BrowserSession(api.baseUrl(), realm.name(), UA);
        Page otp = signInUpstream(browser, "rey");
        assertNull(otp.code(), "the identity provider alone does not finish the sign-in");
        assertTrue(otp.hasField("otp"), "the authenticator app is asked for: " + otp.body());
        assertEquals(0, api.get(realm.adminPath() + "/users/" + userId + "/sessions", api.masterAdminToken())
                .json().size(), "no session before the second factor");
        assertNotNull(browser.tokens(otp.submit(Map.of("otp", Totp.unusedCode(SECRET)))).get("access_token"));
    }

    /** Added through the admin REST after the save: guarded at once, not from the next save on. */
    @Test
    void providerAddedAfterThePolicySaveAsksForTheSecondFactorToo() {
        addIdentityProvider("latecomer");
        assertEquals("security-center identity provider", api.get(realm.adminPath()
                + "/identity-provider/instances/latecomer", api.masterAdminToken()).json()
                .path("postBrokerLoginFlowAlias").asText(), "the managed flow is bound in the same request");
        String upstreamId = provider.createUser("rey", PASSWORD);
        String userId = realm.createUser("rey", "Local-Password-77!", List.of(SecondFactors.totp(SECRET)));
        Response linked = api.post(realm.adminPath() + "/users/" + userId + "/federated-identity/latecomer",
                api.masterAdminToken(), Map.of("identityProvider", "latecomer", "userId", upstreamId,
                        "userName", "rey"));
        assertEquals(204, linked.status(), linked.body());

        BrowserSession browser = new BrowserSession(api.baseUrl(), realm.name(), UA);
        Page upstream = browser.visit(browser.open().link("/broker/latecomer/login"));
        Page otp = upstream.submit(Map.of("username", "rey", "password", PASSWORD));
        assertNull(otp.code(), "the new provider alone does not finish the sign-in");
        assertTrue(otp.hasField("otp"), "the authenticator app is asked for: " + otp.body());
        assertEquals(0, api.get(realm.adminPath() + "/users/" + userId + "/sessions", api.masterAdminToken())
                .json().size(), "no session before the second factor");
    }

    @Test
    void firstBrokerLoginUnderRequiredAllEnrolsBeforeTheSessionExists() {
        realm.changePolicy(policy -> policy.withObjectProperty("mfa").put("enforcement", "REQUIRED_ALL")
                .putArray("methods").add("TOTP"));
        provider.createUser("sam", PASSWORD);

        Page next = signInUpstream(new BrowserSession(api.baseUrl(), realm.name(), UA), "sam");
        assertNull(next.code(), "a new user is not signed in without a second factor");
        assertTrue(next.body().contains("login-config-totp.ftl") || next.hasField("totp"),
                "the new user sets up an authenticator app: " + next.body());
    }

    /** The upstream realm as an OpenID provider of the realm under test, under this alias. */
    private void addIdentityProvider(String alias) {
        String issuer = api.baseUrl() + "/realms/" + provider.name();
        Response idp = api.post(realm.adminPath() + "/identity-provider/instances", api.masterAdminToken(), Map.of(
                "alias", alias, "providerId", "oidc", "enabled", true,
                "config", Map.of("clientId", "downstream", "clientSecret", BROKER_SECRET,
                        "clientAuthMethod", "client_secret_post",
                        "authorizationUrl", issuer + "/protocol/openid-connect/auth",
                        "tokenUrl", issuer + "/protocol/openid-connect/token",
                        "issuer", issuer, "validateSignature", "false", "syncMode", "IMPORT",
                        "defaultScope", "openid profile email")));
        assertEquals(201, idp.status(), idp.body());
    }

    /** The sign-in page's identity-provider button, then the provider's own sign-in page. */
    private Page signInUpstream(BrowserSession browser, String username) {
        Page upstream = browser.visit(browser.open().link("/broker/upstream/login"));
        assertTrue(upstream.hasField("password"), "the provider's sign-in page: " + upstream.body());
        return upstream.submit(Map.of("username", username, "password", PASSWORD));
    }
}
