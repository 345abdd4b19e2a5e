package dev.securitycenter.it.account.ui;

import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.SecondFactors;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static dev.securitycenter.it.account.ui.SecurityPageIT.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Profile ▸ Security tells a user before they ask: set up 2FA, codes running out; and signing out from its row. */
@ExtendWith(KeycloakTestServer.class)
class SecurityBannersIT {

    private static final String SECRET = "BannersTotpSecret001";
    private static final By BANNER = By.cssSelector("[data-testid=two-factor-banner]");
    private static final By CODES_WARNING = By.cssSelector("[data-testid=recovery-codes-warning]");

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private final KeycloakApi api = KeycloakTestServer.api();
    private static TestRealm realm;
    private SecurityPage page;

    @BeforeAll
    static void realmWithOptionalTwoFactor() {
        // the recommended policy leaves 2FA OPTIONAL
        realm = SecurityPage.realm(KeycloakTestServer.api(), "account-banners");
    }

    @AfterAll
    static void deleteRealm() {
        realm.close();
    }

    @BeforeEach
    void freshBrowser() {
        browser.signOutEverywhere();
        page = new SecurityPage(browser, realm);
    }

    @Test
    void aUserWithoutTwoFactorIsEncouragedUntilTheyDismissIt() {
        realm.createUser("olga", PASSWORD);
        page.openAs("olga", PASSWORD);
        WebElement banner = browser.waitFor(BANNER);
        assertTrue(banner.getText().contains("Protect your account with two-factor authentication"), banner.getText());
        browser.screenshot("account-2fa-banner");

        banner.findElement(By.xpath(".//button[normalize-space(.)='Set up two-factor authentication']")).click();
        browser.until(driver -> browser.inViewport(page.section("security-two-factor")));

        browser.click(By.cssSelector("[aria-label='Dismiss the two-factor suggestion']"));
        browser.waitUntilGone(BANNER);
        // remembered for this user in this browser: a reload does not bring it back
        browser.driver().navigate().refresh();
        page.section("security-two-factor");
        page.sessionsTable(1);
        assertTrue(browser.driver().findElements(BANNER).isEmpty(), "dismissed banner came back after a reload");
    }

    @Test
    void aUserWithTwoFactorSeesNoBannerAndIsWarnedWhenRecoveryCodesRunLow() {
        realm.createUser("piet", PASSWORD, List.of(SecondFactors.totp(SECRET),
                SecondFactors.recoveryCodes(List.of("2345-6789-ABCD", "EFGH-JKMN-PQRS"))));
        browser.signIn(page.path(), "piet", PASSWORD, SECRET);
        WebElement warning = browser.waitFor(CODES_WARNING);
        assertTrue(warning.getText().contains("Only 2 recovery codes left"), warning.getText());
        assertTrue(browser.driver().findElements(BANNER).isEmpty(), "no encouragement for a user who has 2FA");
        browser.scrollTo(page.section("security-two-factor"));
        browser.screenshot("account-recovery-codes-low");

        // "Regenerate" opens the same proven regeneration as the section's button
        warning.findElement(By.xpath(".//button[normalize-space(.)='Regenerate']")).click();
        browser.type(browser.waitFor(By.id("security-confirm-code")), "2345-6789-ABCD");
        browser.click(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Regenerate']"));
        assertEquals(8, browser.waitFor(By.cssSelector("[data-testid=recovery-codes]"))
                .findElements(By.tagName("li")).size());
        browser.driver().findElement(By.cssSelector("label[for=security-recovery-codes-saved]")).click();
        browser.click(By.xpath("//div[@role='dialog']//button[normalize-space(.)='Done']"));
        browser.until(driver -> page.section("security-two-factor").getText().contains("Recovery codes left\n8"));
        browser.waitUntilGone(CODES_WARNING);
    }

    @Test
    void signingOutOfTheCurrentSessionsRowEndsItAndShowsTheSignInPage() {
        String userId = realm.createUser("quentin", PASSWORD);
        page.openAs("quentin", PASSWORD);
        WebElement row = page.sessionsTable(1).findElement(By.cssSelector("tbody tr"));
        row.findElement(By.xpath(".//button[normalize-space(.)='Sign out']")).click();
        WebElement dialog = browser.waitFor(By.cssSelector("[role=dialog]"));
        assertTrue(dialog.getText().contains("Sign out of this session?"), dialog.getText());
        browser.screenshot("account-session-sign-out-current-confirm");
        dialog.findElement(By.xpath(".//button[normalize-space(.)='Sign out']")).click();

        browser.waitFor(By.id("username"));
        KeycloakApi.Response sessions = api.get(realm.adminPath() + "/users/" + userId + "/sessions",
                api.masterAdminToken());
        assertEquals(200, sessions.status(), sessions.body());
        assertEquals(0, sessions.json().size(), "the session ended on the server: " + sessions.body());
    }
}
