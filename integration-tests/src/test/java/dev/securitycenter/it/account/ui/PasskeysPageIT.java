package dev.securitycenter.it.account.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import dev.securitycenter.it.support.VirtualPasskeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static dev.securitycenter.it.account.ui.SecurityPageIT.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Profile ▸ Security ▸ Two-factor with passkeys, in Chromium with a virtual authenticator: the list of factors,
 * adding a passkey through Keycloak's registration page and back, its last use after a passkey sign-in, renaming,
 * the last factor kept while 2FA is required, and removal after signing in again. The console is opened on
 * localhost: an address cannot be a WebAuthn relying party.
 */
@ExtendWith(KeycloakTestServer.class)
class PasskeysPageIT {

    /** Seconds a sign-in counts as recent for changing factors (CONFIGURE_TOTP's max_auth_age in the realm). */
    private static final int RECENT_SECONDS = 12;

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;
    private VirtualAuthenticator authenticator;

    @BeforeEach
    void realmAndAuthenticator() {
        realm = SecurityPage.realm(api, "account-passkeys-page");
        browser.signOutEverywhere();
        authenticator = VirtualPasskeys.add(browser);
    }

    @AfterEach
    void removeAuthenticatorAndRealm() {
        VirtualPasskeys.remove(browser, authenticator);
        realm.close();
    }

    @Test
    void addRenameKeepTheLastAndRemoveAPasskeyFromTheSecurityPage() throws InterruptedException {
        String pia = realm.createUser("pia", PASSWORD);
        signInWithPassword("pia");
        browser.waitFor(By.cssSelector("[data-testid=second-factors-empty]"));
        browser.scrollTo(twoFactor());
        browser.screenshot("account-factors-empty");

        // Keycloak's own registration page makes the passkey and sends the browser back to the page
        browser.click(By.id("sc-add-passkey"));
        browser.click(By.id("registerWebAuthn"));
        Alert prompt = browser.until(ExpectedConditions.alertIsPresent());
        prompt.sendKeys("Pia's laptop");
        prompt.accept();
        WebElement row = passkeyRow();
        assertEquals("Pia's laptop", row.findElement(By.cssSelector("[data-testid=factor-label]")).getText());
        assertTrue(row.getText().contains("Not used yet"), row.getText());
        assertTrue(browser.driver().getCurrentUrl().contains("/account/security"), browser.driver().getCurrentUrl());
        assertEquals(1, authenticator.getCredentials().size());
        AuditLog audit = new AuditLog(api, realm.name());
        assertEquals("PASSKEY", audit.awaitEvent("auth.2fa_enabled", "pia").at("/details/method").asText());

        // a sign-in with the passkey alone (the first page's autofill) shows as its last use
        browser.signOutEverywhere();
        browser.driver().get(localhost() + pagePath());
        JsonNode signIn = audit.awaitEvent("auth.login_succeeded", "pia",
                event -> "passkey".equals(event.at("/details/method").asText()));
        assertEquals(passkeyId(pia), signIn.at("/details/credentialId").asText(), signIn.toString());
        browser.until(driver -> !passkeyRow().getText().contains("Not used yet"));
        browser.scrollTo(twoFactor());
        browser.screenshot("account-factors-passkey");

        browser.click(By.xpath("//button[normalize-space(.)='Rename']"));
        browser.type(browser.waitFor(By.id("sc-passkey-label")), "Work laptop");
        browser.screenshot("account-passkey-rename");
        browser.click(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Save']"));
        browser.waitUntilGone(By.cssSelector("[role=dialog]"));
        browser.until(driver -> passkeyRow().getText().contains("Work laptop"));
        assertEquals("Work laptop", credentialLabels(pia).get(0));

        // while the organisation requires 2FA, the only factor stays
        realm.changePolicy(policy -> policy.withObjectProperty("mfa").put("enforcement", "REQUIRED_ALL"));
        browser.driver().navigate().refresh();
        clickRemove();
        WebElement refusal = browser.waitFor(By.cssSelector("[data-testid=passkey-remove-error]"));
        assertTrue(refusal.getText().contains("requires two-factor authentication"), refusal.getText());
        browser.screenshot("account-passkey-last-factor");
        browser.click(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Cancel']"));
        assertEquals(1, credentialLabels(pia).size());

        // a sign-in older than the realm allows for changing factors: sign in again first, then remove
        realm.changePolicy(policy -> policy.withObjectProperty("mfa").put("enforcement", "OPTIONAL"));
        Response configured = api.put(realm.adminPath() + "/authentication/required-actions/CONFIGURE_TOTP/config",
                api.masterAdminToken(), Map.of("config", Map.of("max_auth_age", String.valueOf(RECENT_SECONDS))));
        assertEquals(204, configured.status(), configured.body());
        Thread.sleep((RECENT_SECONDS + 1) * 1000L);
        browser.driver().navigate().refresh();
        clickRemove();
        browser.waitFor(By.id("sc-passkey-reauthenticate"));
        browser.screenshot("account-passkey-remove-reauthenticate");
        assertEquals(1, credentialLabels(pia).size(), "nothing removed before signing in again");
        browser.click(By.id("sc-passkey-reauthenticate"));
        // Keycloak's re-authentication page knows the user, so it offers their passkey through its button
        browser.waitForText("Please re-authenticate to continue");
        browser.click(By.id("authenticateWebAuthnButton"));
        clickRemove();
        browser.waitUntilGone(By.cssSelector("[role=dialog]"));
        browser.waitFor(By.cssSelector("[data-testid=second-factors-empty]"));
        assertTrue(credentialLabels(pia).isEmpty());
        assertEquals("PASSKEY", audit.awaitEvent("auth.2fa_disabled", "pia").at("/details/method").asText());
        browser.scrollTo(twoFactor());
        browser.screenshot("account-factors-passkey-removed");
    }

    /** The password sign-in (no passkey yet), answering "Not now" to the OPTIONAL 2FA suggestion. */
    private void signInWithPassword(String username) {
        browser.driver().get(localhost() + pagePath());
        browser.type(browser.waitFor(By.id("username")), username);
        browser.type(browser.driver().findElement(By.id("password")), PASSWORD);
        WebElement submit = browser.driver().findElement(By.id("kc-login"));
        submit.click();
        browser.until(ExpectedConditions.stalenessOf(submit));
        List<WebElement> later = browser.driver().findElements(By.id("sc-2fa-later"));
        if (!later.isEmpty()) {
            later.get(0).click();
        }
        twoFactor();
    }

    private void clickRemove() {
        browser.click(By.xpath("//tr[@data-method='PASSKEY']//button[normalize-space(.)='Remove']"));
        browser.click(By.id("sc-passkey-remove-confirm"));
    }

    private WebElement twoFactor() {
        return browser.waitFor(By.id("security-two-factor"));
    }

    private WebElement passkeyRow() {
        return browser.waitFor(By.cssSelector("tr[data-method=PASSKEY]"));
    }

    private String passkeyId(String userId) {
        return passkeys(userId).get(0).get("id").asText();
    }

    private List<String> credentialLabels(String userId) {
        return passkeys(userId).stream().map(credential -> credential.get("userLabel").asText()).toList();
    }

    private List<JsonNode> passkeys(String userId) {
        JsonNode credentials = api.get(realm.adminPath() + "/users/" + userId + "/credentials",
                api.masterAdminToken()).json();
        return StreamSupport.stream(credentials.spliterator(), false)
                .filter(credential -> "webauthn-passwordless".equals(credential.get("type").asText()))
                .toList();
    }

    private String pagePath() {
        return "/realms/" + realm.name() + "/account/security";
    }

    private String localhost() {
        return api.baseUrl().replace("://127.0.0.1:", "://localhost:");
    }
}
