package dev.securitycenter.it.account.ui;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static dev.securitycenter.it.account.ui.SecurityPageIT.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Profile ▸ Security ▸ Two-factor with passkeys, in Chromium with a virtual authenticator: the list of factors,
 * adding a passkey through Keycloak's registration page and back, its last use after a passkey sign-in, renaming,
 * the last factor kept while 2FA is required, and removal after signing in again; for a user whose only factor is
 * a passkey, recovery codes (made after signing in again with the passkey: there is no app code to type) and an
 * authenticator app, whose set-up keeps the saved codes, one of which then signs the user in. The console is
 * opened on localhost: an address cannot be a WebAuthn relying party.
 */
@ExtendWith(KeycloakTestServer.class)
class PasskeysPageIT {

    /** Seconds a sign-in counts as recent for changing factors (CONFIGURE_TOTP's max_auth_age in the realm). */
    private static final int RECENT_SECONDS = 12;
    private static final By SET_UP_APP = By.xpath(".//button[normalize-space(.)='Set up authenticator app']");

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
        if (authenticator != null) {
            VirtualPasskeys.remove(browser, authenticator);
        }
        realm.close();
    }

    @Test
    void addRenameKeepTheLastAndRemoveAPasskeyFromTheSecurityPage() throws InterruptedException {
        String pia = realm.createUser("pia", PASSWORD);
        signInWithPassword("pia");
        browser.waitFor(By.cssSelector("[data-testid=second-factors-empty]"));
        browser.scrollTo(twoFactor());
        browser.screenshot("account-factors-empty");

        addPasskey("Pia's laptop");
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
        WebElement refusal = browser.waitFor(By.cssSelector("[data-testid=confirm-change-refused]"));
        assertTrue(refusal.getText().contains("requires two-factor authentication"), refusal.getText());
        browser.screenshot("account-passkey-last-factor");
        browser.click(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Cancel']"));
        assertEquals(1, credentialLabels(pia).size());

        // a sign-in older than the realm allows for changing factors: sign in again first, then remove
        realm.changePolicy(policy -> policy.withObjectProperty("mfa").put("enforcement", "OPTIONAL"));
        recentSignInLasts(RECENT_SECONDS);
        Thread.sleep((RECENT_SECONDS + 1) * 1000L);
        browser.driver().navigate().refresh();
        clickRemove();
        browser.waitFor(By.id("sc-reauthenticate"));
        browser.screenshot("account-passkey-remove-reauthenticate");
        assertEquals(1, credentialLabels(pia).size(), "nothing removed before signing in again");
        browser.click(By.id("sc-reauthenticate"));
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

    @Test
    void aPasskeyOnlyUserMakesRecoveryCodesAddsAnAppAndSignsInWithACode() throws InterruptedException {
        realm.createUser("pia", PASSWORD);
        signInWithPassword("pia");
        addPasskey("Pia's laptop");
        passkeyRow();

        // only a passkey: no codes yet, the app is offered, and nothing asks for an app code
        WebElement section = twoFactor();
        browser.until(driver -> section.getText().contains("You have no recovery codes"));
        assertEquals("Enabled", section.findElement(By.cssSelector("[data-testid=mfa-status]")).getText());
        assertFalse(section.findElements(SET_UP_APP).isEmpty(), "an authenticator app can be added");
        browser.scrollTo(section);
        browser.screenshot("account-2fa-passkey-only");
        browser.click(By.xpath("//button[normalize-space(.)='Disable two-factor authentication']"));
        browser.waitForText("Your passkeys, phone and email codes and recovery codes are removed");
        assertTrue(browser.driver().findElements(By.id("security-confirm-code")).isEmpty(), "no code to type");
        browser.screenshot("account-2fa-passkey-disable-confirm");
        browser.click(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Cancel']"));

        // the sign-in is no longer recent: the passkey signs the user in again, then the codes are made
        recentSignInLasts(RECENT_SECONDS);
        Thread.sleep((RECENT_SECONDS + 1) * 1000L);
        confirmRegenerate();
        browser.waitFor(By.id("sc-reauthenticate"));
        browser.screenshot("account-2fa-passkey-regenerate-reauthenticate");
        browser.click(By.id("sc-reauthenticate"));
        browser.waitForText("Please re-authenticate to continue");
        browser.click(By.id("authenticateWebAuthnButton"));
        confirmRegenerate();
        List<String> codes = browser.waitFor(By.cssSelector("[data-testid=recovery-codes]"))
                .findElements(By.tagName("li")).stream().map(WebElement::getText).toList();
        assertEquals(8, codes.size(), codes.toString());
        browser.screenshot("account-2fa-passkey-recovery-codes");
        browser.driver().findElement(By.cssSelector("label[for=security-recovery-codes-saved]")).click();
        browser.click(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Done']"));
        browser.waitUntilGone(By.cssSelector("[role=dialog]"));
        browser.until(driver -> twoFactor().getText().contains("Recovery codes left\n8"));
        new AuditLog(api, realm.name()).awaitEvent("auth.2fa_recovery_codes_regenerated", "pia");

        // the app is added next to the passkey; the codes just saved stay the ones that work
        recentSignInLasts(300);
        browser.click(SET_UP_APP);
        browser.click(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Generate']"));
        String secret = Totp.fromBase32(browser.waitFor(By.cssSelector("[data-testid=totp-secret] input"))
                .getDomProperty("value"));
        browser.click(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Next']"));
        browser.type(browser.waitFor(By.id("security-totp-code")), Totp.unusedCode(secret));
        browser.click(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Verify']"));
        browser.waitForText("Your recovery codes stay as they are");
        browser.screenshot("account-2fa-app-keeps-recovery-codes");
        browser.click(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Done']"));
        browser.waitUntilGone(By.cssSelector("[role=dialog]"));
        browser.until(driver -> twoFactor().findElements(SET_UP_APP).isEmpty());

        // without the laptop's passkey at hand, the password and a saved recovery code sign the user in
        VirtualPasskeys.remove(browser, authenticator);
        authenticator = null;
        browser.signOutEverywhere();
        browser.driver().get(localhost() + pagePath());
        browser.type(browser.waitFor(By.id("username")), "pia");
        browser.type(browser.driver().findElement(By.id("password")), PASSWORD);
        browser.click(By.id("kc-login"));
        browser.click(By.id("try-another-way"));
        browser.click(Chromium.byText("Recovery code"));
        browser.type(browser.waitFor(By.id("recoveryCode")), codes.get(3));
        browser.click(By.id("kc-login"));
        browser.until(driver -> twoFactor().getText().contains("Recovery codes left\n7"));
        browser.scrollTo(twoFactor());
        browser.screenshot("account-2fa-passkey-and-app");
    }

    /** Keycloak's own registration page makes the passkey and sends the browser back to the page. */
    private void addPasskey(String label) {
        browser.click(By.id("sc-add-passkey"));
        browser.click(By.id("registerWebAuthn"));
        Alert prompt = browser.until(ExpectedConditions.alertIsPresent());
        prompt.sendKeys(label);
        prompt.accept();
    }

    private void confirmRegenerate() {
        browser.click(By.xpath("//button[normalize-space(.)='Regenerate recovery codes']"));
        browser.waitForText("New recovery codes replace your old ones");
        browser.click(By.id("sc-confirm-change"));
    }

    private void recentSignInLasts(int seconds) {
        Response configured = api.put(realm.adminPath() + "/authentication/required-actions/CONFIGURE_TOTP/config",
                api.masterAdminToken(), Map.of("config", Map.of("max_auth_age", String.valueOf(seconds))));
        assertEquals(204, configured.status(), configured.body());
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
        browser.click(By.id("sc-confirm-change"));
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
