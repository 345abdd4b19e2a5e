package dev.securitycenter.it.account.ui;

import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterEach;
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

/**
 * One place for sessions: the account console's menu is Personal info · Security · Notifications · Applications
 * (· Linked accounts), and the stock Device activity page, which showed the same sessions in another shape, leads to
 * Security.
 */
@ExtendWith(KeycloakTestServer.class)
class AccountNavigationIT {

    private static final By MENU_LINKS = By.cssSelector("nav .pf-v5-c-nav__link");

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;

    @BeforeEach
    void realmOnOurThemes() {
        realm = SecurityPage.realm(api, "account-nav");
        realm.createUser("nina", PASSWORD);
        browser.signOutEverywhere();
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void theMenuHasOnePlaceForSessions() {
        browser.signIn("/realms/" + realm.name() + "/account/", "nina", PASSWORD);
        assertEquals(List.of("Personal info", "Security", "Notifications", "Applications"), menu());
        browser.screenshot("account-navigation");
    }

    @Test
    void linkedAccountsJoinTheMenuOnceTheRealmHasAnIdentityProvider() {
        realm.addIdentityProvider("corporate", "Corporate SSO");

        browser.signIn("/realms/" + realm.name() + "/account/", "nina", PASSWORD);
        assertEquals(List.of("Personal info", "Security", "Notifications", "Applications", "Linked accounts"),
                menu());
    }

    @Test
    void theOldDeviceActivityAddressLandsOnSecurity() {
        browser.signIn("/realms/" + realm.name() + "/account/account-security/device-activity", "nina", PASSWORD);
        browser.waitFor(By.id("security-sessions"));
        browser.until(driver -> driver.getCurrentUrl().endsWith("/realms/" + realm.name() + "/account/security"));
        assertTrue(browser.driver().findElements(By.xpath("//*[normalize-space(.)='Device activity']")).isEmpty(),
                "the stock Device activity page is not shown");
    }

    @Test
    void toastsAppearBelowTheMastheadAndButtonsAtTheStockSize() {
        SecurityPage page = new SecurityPage(browser, realm);
        page.signInElsewhere("nina", PASSWORD, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
                + " (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36");
        page.openAs("nina", PASSWORD);
        page.sessionsTable(2);
        WebElement signOut = page.sessionRowContaining("Windows")
                .findElement(By.xpath(".//button[normalize-space(.)='Sign out']"));
        WebElement changePassword = browser.waitFor(By.xpath("//button[normalize-space(.)='Change password']"));
        assertTrue(changePassword.getRect().getHeight() < 48 && signOut.getRect().getHeight() < 48,
                "buttons at PatternFly's size, not 48 px: " + changePassword.getRect().getHeight() + ", "
                        + signOut.getRect().getHeight());

        assertEquals(List.of(), browser.driver().findElements(By.cssSelector("main button")).stream()
                .map(WebElement::getText).map(String::trim).filter(text -> text.startsWith("+")).toList(),
                "buttons with a typed \"+\" instead of an icon");

        signOut.click();
        browser.waitFor(By.cssSelector("[role=dialog]")).findElement(By.xpath(".//button[normalize-space(.)='Sign out']"))
                .click();
        WebElement toast = browser.waitFor(By.cssSelector(".pf-v5-c-alert-group.pf-m-toast .pf-v5-c-alert"));
        WebElement masthead = browser.driver().findElement(By.cssSelector(".pf-v5-c-masthead"));
        int mastheadBottom = masthead.getRect().getY() + masthead.getRect().getHeight();
        assertTrue(toast.getRect().getY() >= mastheadBottom,
                "toast at y=" + toast.getRect().getY() + " overlaps the masthead ending at " + mastheadBottom);
        browser.screenshot("account-toast-below-masthead");
    }

    /** The menu's entries once the console has drawn it, in order. */
    private List<String> menu() {
        browser.until(driver -> driver.findElements(MENU_LINKS).size() >= 4);
        return browser.driver().findElements(MENU_LINKS).stream().map(WebElement::getText).map(String::trim)
                .toList();
    }
}
