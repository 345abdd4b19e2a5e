package dev.securitycenter.it.account.ui;

import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Profile ▸ Security in the account console, walked in Chromium as a user would: the password and sessions parts.
 * Every state the page draws is photographed as account-*.png (see
 * {@link dev.securitycenter.it.support.Chromium#screenshot}).
 */
@ExtendWith(KeycloakTestServer.class)
class SecurityPageIT {

    static final String PASSWORD = "Correct-Horse-42!";
    static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    static final String WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private static TestRealm realm;
    private final KeycloakApi api = KeycloakTestServer.api();
    private SecurityPage page;

    @BeforeAll
    static void realmWithDefaultPolicy() {
        realm = SecurityPage.realm(KeycloakTestServer.api(), "account-ui");
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
    void passwordChangeShowsTheFailingRuleThenSignsOutTheOtherSessions() {
        String user = newUser();
        String otherRefreshToken = page.signInElsewhere(user, PASSWORD, WINDOWS);

        page.openAs(user, PASSWORD);
        WebElement password = page.section("security-password");
        browser.screenshot("account-security-overview");

        browser.type(browser.driver().findElement(By.id("security-current-password")), PASSWORD);
        browser.type(browser.driver().findElement(By.id("security-new-password")), "short-pass1");
        browser.type(browser.driver().findElement(By.id("security-confirm-password")), "short-pass1");
        password.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement failing = browser.waitFor(By.cssSelector("#security-password .pf-m-error"));
        assertTrue(password.getText().contains("At least 12 characters"), password.getText());
        assertTrue(failing.isDisplayed());
        browser.scrollTo(password);
        browser.screenshot("account-password-failing-rule");
        assertEquals(200, api.passwordGrant(realm.name(), user, PASSWORD).status(),
                "a refused password changes nothing");

        // meets every rule a browser can check, but it is the current one: the server refuses it by rule name
        browser.type(browser.driver().findElement(By.id("security-new-password")), PASSWORD);
        browser.type(browser.driver().findElement(By.id("security-confirm-password")), PASSWORD);
        password.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement reuse = browser.waitFor(By.xpath("//*[@id='security-password-rules']/li[contains(@class,'pf-m-error')]"));
        assertTrue(reuse.getText().contains("Not one of your last 5 passwords"), reuse.getText());
        browser.scrollTo(password);
        browser.screenshot("account-password-refused-by-server");

        String newPassword = "Stronger-Pass-2026!";
        browser.type(browser.driver().findElement(By.id("security-new-password")), newPassword);
        browser.type(browser.driver().findElement(By.id("security-confirm-password")), newPassword);
        browser.scrollTo(password);
        browser.screenshot("account-password-rules-met");
        password.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForText("Password changed. Your other sessions were signed out.");
        browser.screenshot("account-password-changed");

        assertEquals(200, api.passwordGrant(realm.name(), user, newPassword).status());
        assertTrue(page.refreshFails(otherRefreshToken), "the other device's session is gone");

        browser.driver().navigate().refresh();
        page.section("security-password");
        assertTrue(browser.driver().getCurrentUrl().contains("/account/security"), "this session stays signed in");
    }

    @Test
    void revokeOneSessionThenSignOutEverywhereElse() {
        String user = newUser();
        String iphoneRefresh = page.signInElsewhere(user, PASSWORD, IPHONE);
        String windowsRefresh = page.signInElsewhere(user, PASSWORD, WINDOWS);

        page.openAs(user, PASSWORD);
        WebElement table = page.sessionsTable(3);
        browser.scrollTo(page.section("security-sessions"));
        browser.screenshot("account-sessions");
        assertEquals(1, table.findElements(By.cssSelector("[data-testid=current-session]")).size());

        WebElement iphoneRow = page.sessionRowContaining("iOS");
        iphoneRow.findElement(By.xpath(".//button[normalize-space(.)='Sign out']")).click();
        WebElement dialog = browser.waitFor(By.cssSelector("[role=dialog]"));
        assertTrue(dialog.getText().contains("Sign out of"), dialog.getText());
        assertTrue(dialog.getText().contains("The device is signed out immediately"),
                dialog.getText());
        browser.screenshot("account-session-revoke-confirm");
        dialog.findElement(By.xpath(".//button[normalize-space(.)='Sign out']")).click();
        browser.waitForText("Signed out of the session");
        page.sessionsTable(2);
        assertTrue(page.refreshFails(iphoneRefresh), "the revoked session is gone");
        assertTrue(!page.refreshFails(windowsRefresh), "the other one still works");

        browser.click(By.xpath("//button[normalize-space(.)='Sign out everywhere else']"));
        dialog = browser.waitFor(By.cssSelector("[role=dialog]"));
        assertTrue(dialog.getText().contains("Sign out of 1 other session?"), dialog.getText());
        browser.screenshot("account-sessions-sign-out-others-confirm");
        dialog.findElement(By.xpath(".//button[normalize-space(.)='Sign out']")).click();
        browser.waitForText("Signed out of 1 session");
        page.sessionsTable(1);
        browser.waitUntilGone(By.xpath("//button[normalize-space(.)='Sign out everywhere else']"));
        browser.scrollTo(page.section("security-sessions"));
        browser.screenshot("account-sessions-current-only");
        assertTrue(page.refreshFails(windowsRefresh));

        // a sign-in elsewhere shows up without a reload: the list refreshes itself every minute
        page.signInElsewhere(user, PASSWORD, IPHONE);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(75)).until(driver ->
                driver.findElements(By.cssSelector("[data-testid=sessions] tbody tr")).size() == 2);
    }

    @Test
    void theStockPagesStayReachableBesideSecurity() {
        String user = newUser();
        page.openAs(user, PASSWORD);
        browser.click(By.xpath("//nav//a[normalize-space(.)='Personal info']"));
        browser.waitFor(By.id("email"));
        browser.click(By.xpath("//nav//button[normalize-space(.)='Account security']"));
        browser.click(By.xpath("//nav//a[normalize-space(.)='Device activity']"));
        browser.waitForText("Signed in devices");
        browser.click(By.xpath("//nav//a[normalize-space(.)='Signing in']"));
        browser.waitForText("Basic authentication");
        browser.click(By.xpath("//nav//a[normalize-space(.)='Security']"));
        page.section("security-password");
    }

    private String newUser() {
        String username = "u" + UUID.randomUUID().toString().substring(0, 8);
        realm.createUser(username, PASSWORD);
        return username;
    }
}
