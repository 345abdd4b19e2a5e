package dev.securitycenter.it.mfa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import dev.securitycenter.it.support.Totp;
import dev.securitycenter.it.support.VirtualPasskeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Passkeys at sign-in, in Chromium with a virtual authenticator (CTAP2, discoverable credentials, user
 * verification) doing the cryptography a phone or security key would: registration through Keycloak's own
 * required action, sign-in with the passkey alone from the first page, the passkey as the second step after a
 * password, and the forced enrolment of an admin who must use a phishing-resistant factor.
 */
@ExtendWith(KeycloakTestServer.class)
class PasskeySignInIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final String REGISTER_PASSKEY = "webauthn-register-passwordless";

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;
    private VirtualAuthenticator authenticator;

    @BeforeEach
    void realmWithPasskeysAndAnAuthenticator() {
        realm = TestRealm.create(api, "passkey-signin", Map.of(
                "roles", Map.of("realm", List.of(Map.of("name", "Admin")))));
        assertEquals(200, api.post(policy() + "/defaults", api.masterAdminToken(), "").status());
        browser.signOutEverywhere();
        authenticator = VirtualPasskeys.add(browser);
    }

    @AfterEach
    void removeAuthenticatorAndRealm() {
        VirtualPasskeys.remove(browser, authenticator);
        realm.close();
    }

    @Test
    void aRegisteredPasskeySignsInAloneFromTheFirstPageAndAsTheSecondStep() {
        String pia = realm.createUser("pia", PASSWORD);
        api.put(realm.adminPath() + "/users/" + pia, api.masterAdminToken(),
                Map.of("requiredActions", List.of(REGISTER_PASSKEY)));

        openLoginPage();
        submitPassword("pia");
        registerPasskey("Pia's laptop");
        awaitSignedIn();
        assertEquals(1, authenticator.getCredentials().size(), "the authenticator holds one discoverable key");
        assertTrue(authenticator.getCredentials().get(0).isResidentCredential());
        assertEquals(List.of("Pia's laptop"), passkeyLabels(pia));
        AuditLog audit = new AuditLog(api, realm.name());
        assertEquals("PASSKEY", audit.awaitEvent("auth.2fa_enabled", "pia").at("/details/method").asText());

        // the first page's passkey autofill: the virtual authenticator answers it as the page loads, as a person
        // picking the passkey from the username field's suggestions would
        browser.signOutEverywhere();
        browser.driver().get(loginPageUrl());
        awaitSignedIn();
        audit.awaitEvent("auth.login_succeeded", "pia", event -> "passkey".equals(event.at("/details/method")
                .asText()));

        browser.signOutEverywhere();
        int sessionsBefore = sessions(pia).size();
        openLoginPageWithoutAutofill();
        submitPassword("pia");
        WebElement secondStep = browser.waitFor(By.id("authenticateWebAuthnButton"));
        browser.screenshot("signin-passkey-second-step");
        assertTrue(browser.driver().getCurrentUrl().contains("login-actions"),
                "a password alone does not sign a passkey user in: " + browser.driver().getCurrentUrl());
        assertEquals(sessionsBefore, sessions(pia).size(), "no new session before the second step");
        secondStep.click();
        awaitSignedIn();
        assertEquals(sessionsBefore + 1, sessions(pia).size());
    }

    /**
     * The "Sign in with a passkey" button of the first page, in a browser that offers no passkey autofill
     * (conditional mediation unavailable, as in browsers without it): the button is the way in, without a password.
     */
    @Test
    void theSignInWithAPasskeyButtonSignsInWhereTheBrowserOffersNoAutofill() {
        String pia = realm.createUser("pia", PASSWORD);
        api.put(realm.adminPath() + "/users/" + pia, api.masterAdminToken(),
                Map.of("requiredActions", List.of(REGISTER_PASSKEY)));
        openLoginPage();
        browser.screenshot("signin-passkey-first-page");
        submitPassword("pia");
        registerPasskey("Pia's laptop");
        awaitSignedIn();
        String passkeyId = passkeyIds(pia).get(0);

        browser.signOutEverywhere();
        Object script = ((HasCdp) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", "if (window.PublicKeyCredential) {"
                        + " PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false); }"))
                .get("identifier");
        try {
            int sessionsBefore = sessions(pia).size();
            openLoginPage();
            WebElement button = browser.waitFor(By.id("authenticateWebAuthnButton"));
            assertEquals("Sign in with Passkey", button.getText().trim());
            assertEquals(sessionsBefore, sessions(pia).size(), "no autofill answered: still on the sign-in page");
            browser.screenshot("signin-passkey-button");
            button.click();
            awaitSignedIn();
            assertEquals(sessionsBefore + 1, sessions(pia).size());
        } finally {
            ((HasCdp) browser.driver()).executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    Map.of("identifier", script));
        }
        JsonNode signIn = new AuditLog(api, realm.name()).awaitEvent("auth.login_succeeded", "pia",
                event -> "passkey".equals(event.at("/details/method").asText()));
        assertEquals(passkeyId, signIn.at("/details/credentialId").asText(), signIn.toString());
    }

    @Test
    void aPhishingResistantAdminWithOnlyAnAuthenticatorAppRegistersAPasskeyBeforeTheSignInCompletes() {
        String ray = realm.createUserWithTotp("ray", PASSWORD, "RaysSecretForTotp001");
        assertEquals(204, api.post(realm.adminPath() + "/users/" + ray + "/role-mappings/realm",
                api.masterAdminToken(), List.of(api.get(realm.adminPath() + "/roles/Admin", api.masterAdminToken())
                        .json())).status());
        ObjectNode doc = (ObjectNode) api.get(policy(), api.masterAdminToken()).json();
        doc.withObjectProperty("mfa").put("enforcement", "REQUIRED_ADMINS").put("adminStrength", "PHISHING_RESISTANT")
                .putArray("adminRoles").add("Admin");
        Response saved = api.put(policy(), api.masterAdminToken(), doc);
        assertEquals(200, saved.status(), saved.body());

        openLoginPage();
        submitPassword("ray");
        browser.type(browser.waitFor(By.id("otp")), Totp.unusedCode("RaysSecretForTotp001"));
        browser.click(By.id("kc-login"));
        browser.waitFor(By.id("registerWebAuthn"));
        assertTrue(sessions(ray).isEmpty(), "the authenticator app alone does not complete an admin's sign-in");
        registerPasskey("Ray's key");
        awaitSignedIn();
        assertEquals(List.of("Ray's key"), passkeyLabels(ray));

        browser.signOutEverywhere();
        openLoginPageWithoutAutofill();
        submitPassword("ray");
        browser.waitFor(By.id("authenticateWebAuthnButton"));
        assertTrue(browser.driver().findElements(By.id("otp")).isEmpty(),
                "an admin who has a passkey is not offered the authenticator app");
        browser.click(By.id("authenticateWebAuthnButton"));
        awaitSignedIn();
    }

    /** The account console's sign-in page, on localhost: an address cannot be a WebAuthn relying party. */
    private String loginPageUrl() {
        return localhost() + "/realms/" + realm.name() + "/account/";
    }

    private void openLoginPage() {
        browser.driver().get(loginPageUrl());
        browser.waitFor(By.id("username"));
    }

    /**
     * The sign-in page of a browser without passkey autofill (its script blocked, nothing from the cache), for the
     * password path once the authenticator holds a passkey; the passkey pages after it work as in any browser.
     */
    private void openLoginPageWithoutAutofill() {
        ((HasCdp) browser.driver()).executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        browser.blockUrls("*passkeysConditionalAuth.js");
        try {
            openLoginPage();
        } finally {
            browser.blockUrls();
            ((HasCdp) browser.driver()).executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
        }
    }

    /**
     * Fills the form without focusing the username field: once the browser holds a passkey for the site, focusing
     * it lets the virtual authenticator answer the page's autofill request at once, which signs in without a
     * password (the first-page passkey sign-in), while these steps are about the password path.
     */
    private void submitPassword(String username) {
        WebElement submit = browser.waitFor(By.id("kc-login"));
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('username').value = arguments[0];"
                + " document.getElementById('password').value = arguments[1];"
                + " document.getElementById('kc-form-login').requestSubmit();", username, PASSWORD);
        browser.until(ExpectedConditions.stalenessOf(submit));
        List<WebElement> later = browser.driver().findElements(By.id("sc-2fa-later"));
        if (!later.isEmpty()) {
            later.get(0).click();
        }
    }

    /** Keycloak's registration page asks for a label in a prompt once the authenticator made the key. */
    private void registerPasskey(String label) {
        browser.click(By.id("registerWebAuthn"));
        Alert prompt = browser.until(ExpectedConditions.alertIsPresent());
        prompt.sendKeys(label);
        prompt.accept();
    }

    private void awaitSignedIn() {
        browser.until(driver -> {
            String url = driver.getCurrentUrl();
            return url.contains("/realms/" + realm.name() + "/account") && !url.contains("login-actions")
                    && !url.contains("openid-connect/auth") && driver.findElements(By.id("kc-form-login")).isEmpty()
                    && !driver.findElements(Chromium.byText("Personal info")).isEmpty();
        });
    }

    private List<String> passkeyLabels(String userId) {
        JsonNode credentials = api.get(realm.adminPath() + "/users/" + userId + "/credentials",
                api.masterAdminToken()).json();
        return StreamSupport.stream(credentials.spliterator(), false)
                .filter(credential -> "webauthn-passwordless".equals(credential.get("type").asText()))
                .map(credential -> credential.get("userLabel").asText())
                .toList();
    }

    private List<String> passkeyIds(String userId) {
        JsonNode credentials = api.get(realm.adminPath() + "/users/" + userId + "/credentials",
                api.masterAdminToken()).json();
        return StreamSupport.stream(credentials.spliterator(), false)
                .filter(credential -> "webauthn-passwordless".equals(credential.get("type").asText()))
                .map(credential -> credential.get("id").asText())
                .toList();
    }

    private List<JsonNode> sessions(String userId) {
        JsonNode sessions = api.get(realm.adminPath() + "/users/" + userId + "/sessions", api.masterAdminToken())
                .json();
        assertFalse(sessions.isMissingNode());
        return StreamSupport.stream(sessions.spliterator(), false).toList();
    }

    private String localhost() {
        return api.baseUrl().replace("://127.0.0.1:", "://localhost:");
    }

    private String policy() {
        return realm.adminPath() + "/security-center/policy";
    }
}
