package dev.securitycenter.it.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.DemoUsers;
import dev.securitycenter.it.support.KeycloakTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Notifications section of Settings ▸ Security: the realm's three mail switches, saved like the rest. */
@ExtendWith(KeycloakTestServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuritySettingsNotificationsIT {

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private SecuritySettingsPage page;

    @BeforeAll
    void signedInAdmin() {
        page = SecuritySettingsPage.onCopyWithPasswordsOf(browser, DemoUsers.ADMIN);
        page.applyDefaults();
        page.signInAsAdmin();
    }

    @AfterAll
    void cleanUp() {
        page.close();
    }

    @Test
    void theSwitchesShowTheDefaultsAndSave() {
        page.open();
        assertTrue(browser.waitFor(By.id("sc-notify-new-sign-in")).isSelected());
        assertTrue(browser.driver().findElement(By.id("sc-notify-credential-changes")).isSelected());
        assertFalse(browser.driver().findElement(By.id("sc-notify-admin-each-lockout")).isSelected());
        browser.click(By.id("sc-notify-admin-each-lockout"));
        browser.click(By.id("sc-notify-new-sign-in"));
        browser.scrollTo(browser.driver().findElement(By.id("sc-notifications")));
        browser.screenshot("admin-security-notifications");
        browser.click(By.id("sc-save"));
        browser.waitForText("Security settings updated");
        JsonNode notifications = page.policy().get("notifications");
        assertTrue(notifications.get("adminEachLockout").asBoolean(), notifications.toString());
        assertFalse(notifications.get("newSignIn").asBoolean(), notifications.toString());
        assertTrue(notifications.get("credentialChanges").asBoolean(), notifications.toString());
    }
}
