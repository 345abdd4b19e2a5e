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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    void theChecklistAsksTheServerAboutCommonPasswordsAndTheMeterRatesStrength() {
        String user = newUser();
        page.openAs(user, PASSWORD);
        WebElement password = page.section("security-password");
        WebElement newPassword = browser.driver().findElement(By.id("security-new-password"));

        // meets every composition rule, yet it is a common password: only the server's list can say so
        browser.type(newPassword, "Password123!");
        WebElement listed = listRow("pf-m-error");
        assertEquals("Not a common password, a breached one or a blocked word", listed.getText().strip());
        // zxcvbn-ts rates it 1 of 4 and says why
        browser.waitFor(By.cssSelector("[data-testid=password-strength][data-score='1']"));
        assertTrue(password.getText().contains("Strength: weak"), password.getText());
        assertTrue(password.getText().contains("This is a commonly used password."), password.getText());
        browser.scrollTo(password);
        browser.screenshot("account-password-common");

        // a 72-character passphrase, pasted: the server finds it unlisted, the meter rates it strong
        String passphrase = "Correct horse battery staple rides the night bus to Vienna in June, 2031";
        assertTrue(passphrase.length() >= 64);
        browser.type(newPassword, "");
        paste(newPassword, passphrase);
        listRow("pf-m-success");
        browser.waitFor(By.cssSelector("[data-testid=password-strength][data-score='4']"));
        browser.type(browser.driver().findElement(By.id("security-current-password")), PASSWORD);
        paste(browser.driver().findElement(By.id("security-confirm-password")), passphrase);
        browser.scrollTo(password);
        browser.screenshot("account-password-long-passphrase");
        password.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForText("Password changed. Your other sessions were signed out.");

        assertEquals(200, api.passwordGrant(realm.name(), user, passphrase).status(), "all 72 characters were kept");
        var cut = api.passwordGrant(realm.name(), user, passphrase.substring(0, 64));
        assertEquals(400, cut.status(), "the password is not cut at 64 characters: " + cut.body());
        assertTrue(cut.body().contains("invalid_grant"), cut.body());
    }

    @Test
    void whenTheHourlyChecksAreUsedUpTheRowWaitsForTheSave() {
        String user = newUser();
        String token = api.token(realm.name(), user, PASSWORD);
        int status;
        do {
            status = api.post("/realms/" + realm.name() + "/security-center/account/password/check", token,
                    Map.of("newPassword", "Any-Candidate-1")).status();
        } while (status == 200);
        assertEquals(429, status);

        page.openAs(user, PASSWORD);
        browser.type(browser.driver().findElement(By.id("security-new-password")), "Password123!");
        WebElement row = listRow("pf-m-indeterminate");
        browser.until(driver -> row.getText().contains("checked when you save"));
        assertTrue(browser.driver().findElements(By.cssSelector(".pf-v5-c-alert.pf-m-danger")).isEmpty(),
                "no error alert: the limit is not the user's mistake");

        // the server still refuses it when the form is saved
        browser.type(browser.driver().findElement(By.id("security-current-password")), PASSWORD);
        browser.type(browser.driver().findElement(By.id("security-confirm-password")), "Password123!");
        page.section("security-password").findElement(By.cssSelector("button[type=submit]")).click();
        listRow("pf-m-error");
        assertEquals(200, api.passwordGrant(realm.name(), user, PASSWORD).status(), "nothing was changed");
    }

    /** The checklist's "Not a common password, a breached one or a blocked word" row, once it shows the given state. */
    private WebElement listRow(String stateClass) {
        return browser.waitFor(By.xpath("//*[@id='security-password-rules']/li[contains(@class,'" + stateClass
                + "') and contains(., 'Not a common password, a breached one or a blocked word')]"));
    }

    /** Pastes text into an input through the system clipboard, as a user with a password manager would. */
    private void paste(WebElement input, String text) {
        ((ChromiumDriver) browser.driver()).executeCdpCommand("Browser.grantPermissions",
                Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "return navigator.clipboard.writeText(arguments[0]);", text);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "v"));
        browser.until(driver -> text.equals(input.getAttribute("value")));
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
        // "Signing in" left the menu (AccountNavigationIT), but Keycloak's own credential pages still link to it
        browser.open("/realms/" + realm.name() + "/account/account-security/signing-in");
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
