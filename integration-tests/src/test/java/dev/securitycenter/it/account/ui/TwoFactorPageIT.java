package dev.securitycenter.it.account.ui;

import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakServer;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import dev.securitycenter.it.support.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static dev.securitycenter.it.account.ui.SecurityPageIT.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two-factor part of Profile ▸ Security, walked in Chromium: enrolment, recovery codes and their use. */
@ExtendWith(KeycloakTestServer.class)
class TwoFactorPageIT {

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;
    private SecurityPage page;

    @BeforeEach
    void freshRealmAndBrowser() {
        realm = SecurityPage.realm(api, "account-2fa");
        browser.signOutEverywhere();
        page = new SecurityPage(browser, realm);
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void enrolWithTheWizardThenSignInWithARecoveryCode() {
        realm.createUser("nadia", PASSWORD);
        page.openAs("nadia", PASSWORD);
        WebElement section = page.section("security-two-factor");
        browser.scrollTo(section);
        assertEquals("Disabled", section.findElement(By.cssSelector("[data-testid=mfa-status]")).getText());
        browser.screenshot("account-2fa-disabled");

        browser.click(By.xpath("//button[normalize-space(.)='Set up authenticator app']"));
        WebElement wizard = browser.waitFor(By.cssSelector("[role=dialog]"));
        browser.screenshot("account-2fa-wizard-generate");
        wizard.findElement(By.xpath(".//button[normalize-space(.)='Generate']")).click();
        WebElement qr = browser.waitFor(By.cssSelector("[role=dialog] img"));
        browser.until(driver -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", qr));
        String manualKey = browser.waitFor(By.cssSelector("[data-testid=totp-secret] input")).getDomProperty("value");
        assertFalse(manualKey.isBlank());
        browser.screenshot("account-2fa-wizard-scan");

        browser.click(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Next']"));
        WebElement code = browser.waitFor(By.id("security-totp-code"));
        String secret = Totp.fromBase32(manualKey);
        browser.type(code, "000000".equals(Totp.code(secret)) ? "111111" : "000000");
        browser.click(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Verify']"));
        browser.waitForText("That code was not accepted.");
        browser.screenshot("account-2fa-wizard-code-rejected");

        browser.type(code, Totp.unusedCode(secret));
        browser.click(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Verify']"));
        WebElement codesList = browser.waitFor(By.cssSelector("[data-testid=recovery-codes]"));
        List<String> codes = codesList.findElements(By.tagName("li")).stream().map(WebElement::getText).toList();
        assertEquals(8, codes.size(), codes.toString());
        WebElement next = browser.driver().findElement(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Next']"));
        assertFalse(next.isEnabled(), "the codes must be confirmed as saved first");
        browser.screenshot("account-2fa-wizard-recovery-codes");

        browser.driver().findElement(By.cssSelector("label[for=security-recovery-codes-saved]")).click();
        browser.until(driver -> next.isEnabled());
        next.click();
        browser.waitForText("Two-factor authentication is enabled");
        browser.screenshot("account-2fa-wizard-enabled");
        browser.click(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Done']"));
        browser.waitUntilGone(By.cssSelector("[role=dialog]"));
        browser.until(driver -> page.section("security-two-factor").getText().contains("Recovery codes left"));
        assertEquals("Enabled", page.section("security-two-factor")
                .findElement(By.cssSelector("[data-testid=mfa-status]")).getText());
        browser.scrollTo(page.section("security-two-factor"));
        browser.screenshot("account-2fa-enabled");
        new AuditLog(api, realm.name()).awaitEvent("auth.2fa_enabled", "nadia");

        // the next sign-in asks for a code; the user has no phone at hand and uses a recovery code
        browser.signOutEverywhere();
        browser.signIn(page.path(), "nadia", PASSWORD);
        browser.waitFor(By.id("otp"));
        browser.click(By.id("try-another-way"));
        browser.click(Chromium.byText("Recovery code"));
        browser.type(browser.waitFor(By.id("recoveryCode")), codes.get(3));
        browser.screenshot("account-signin-recovery-code");
        browser.click(By.id("kc-login"));
        page.section("security-two-factor");
        browser.until(driver -> page.section("security-two-factor").getText().contains("Recovery codes left\n7"));

        // a new set, proven with another saved code; the old ones stop working
        browser.click(By.xpath("//button[normalize-space(.)='Regenerate recovery codes']"));
        browser.type(browser.waitFor(By.id("security-confirm-code")), codes.get(5));
        browser.screenshot("account-2fa-regenerate-confirm");
        browser.click(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Regenerate']"));
        List<String> newCodes = browser.waitFor(By.cssSelector("[data-testid=recovery-codes]"))
                .findElements(By.tagName("li")).stream().map(WebElement::getText).toList();
        assertEquals(8, newCodes.size());
        assertTrue(newCodes.stream().noneMatch(codes::contains), "a new set");
        browser.screenshot("account-2fa-regenerated-codes");
        browser.driver().findElement(By.cssSelector("label[for=security-recovery-codes-saved]")).click();
        browser.click(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Done']"));
        browser.waitUntilGone(By.cssSelector("[role=dialog]"));
        new AuditLog(api, realm.name()).awaitEvent("auth.2fa_recovery_codes_regenerated", "nadia");
        browser.until(driver -> page.section("security-two-factor").getText().contains("Recovery codes left\n8"));

        // the policy lets users choose, so they may switch it off again, proven this time by the app's code
        browser.click(By.xpath("//button[normalize-space(.)='Disable two-factor authentication']"));
        browser.type(browser.waitFor(By.id("security-confirm-code")), Totp.unusedCode(secret));
        browser.screenshot("account-2fa-disable-confirm");
        browser.click(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Disable']"));
        browser.waitForText("Two-factor authentication is disabled.");
        browser.until(driver -> "Disabled".equals(page.section("security-two-factor")
                .findElement(By.cssSelector("[data-testid=mfa-status]")).getText()));
        new AuditLog(api, realm.name()).awaitEvent("auth.2fa_disabled", "nadia");
    }

    @Test
    void anExpiredQrCodeIsRegenerated() {
        realm.createUser("quinn", PASSWORD);
        page.openAs("quinn", PASSWORD);
        browser.click(By.xpath("//button[normalize-space(.)='Set up authenticator app']"));
        browser.click(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Generate']"));
        By key = By.cssSelector("[data-testid=totp-secret] input");
        String firstKey = browser.waitFor(key).getDomProperty("value");

        // the tab was left idle longer than the pending secret lives on the server
        new WebDriverWait(browser.driver(), Duration.ofSeconds(KeycloakServer.TOTP_SETUP_SECONDS + 20))
                .until(driver -> !driver.findElements(Chromium.byText("QR code expired")).isEmpty());
        assertTrue(browser.driver().findElements(By.cssSelector("[role=dialog] img")).isEmpty(), "no stale QR code");
        assertFalse(browser.driver().findElement(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Next']"))
                .isEnabled());
        browser.screenshot("account-2fa-wizard-qr-expired");

        browser.click(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Regenerate']"));
        browser.waitFor(By.cssSelector("[role=dialog] img"));
        String secondKey = browser.waitFor(key).getDomProperty("value");
        assertNotEquals(firstKey, secondKey);
        browser.click(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Next']"));
        browser.type(browser.waitFor(By.id("security-totp-code")), Totp.unusedCode(Totp.fromBase32(secondKey)));
        browser.click(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Verify']"));
        assertEquals(8, browser.waitFor(By.cssSelector("[data-testid=recovery-codes]"))
                .findElements(By.tagName("li")).size());
    }

    @Test
    void disableIsHiddenWhenThePolicyRequiresTwoFactor() {
        String secret = "EnforcedSecret000001";
        realm.createUserWithTotp("pia", PASSWORD, secret);
        realm.changePolicy(policy -> policy.withObjectProperty("mfa").put("enforcement", "REQUIRED_ALL"));
        browser.signIn(page.path(), "pia", PASSWORD, secret);
        WebElement section = page.section("security-two-factor");
        browser.until(driver -> section.getText().contains("Required by your organization"));
        assertTrue(section.findElements(By.xpath(".//button[contains(., 'Disable')]")).isEmpty());
        assertFalse(section.findElements(By.xpath(".//button[contains(., 'Regenerate recovery codes')]")).isEmpty());
        browser.scrollTo(section);
        browser.screenshot("account-2fa-enforced");
    }
}
