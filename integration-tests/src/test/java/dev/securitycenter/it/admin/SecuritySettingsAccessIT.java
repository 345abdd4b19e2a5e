package dev.securitycenter.it.admin;

import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.DemoUsers;
import dev.securitycenter.it.support.KeycloakTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who sees Settings ▸ Security: not an Operator (no admin role), a Manager only read-only. */
@ExtendWith(KeycloakTestServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuritySettingsAccessIT {

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private SecuritySettingsPage page;

    @BeforeAll
    void realmWithDefaults() {
        page = SecuritySettingsPage.onCopyWithPasswordsOf(browser, DemoUsers.OPERATOR, DemoUsers.MANAGER);
        page.applyDefaults();
    }

    /** Each test signs in as someone else. */
    @AfterEach
    void signOut() {
        browser.signOutEverywhere();
    }

    @AfterAll
    void cleanUp() {
        page.close();
    }

    @Test
    void operatorHasNoEntryAndTheRouteSaysNoAccess() {
        // an Operator holds no admin role at all, so the console itself refuses them: no navigation, no page
        browser.signIn(page.path(), DemoUsers.OPERATOR, DemoUsers.PASSWORD);
        browser.waitForText("You do not have permission to access this resource");
        assertTrue(browser.driver().findElements(By.id("nav-item-security-settings")).isEmpty());
        assertTrue(browser.driver().findElements(By.id("sc-settings")).isEmpty());
        browser.screenshot("admin-security-no-access");
    }

    @Test
    void managerSeesTheSettingsReadOnly() {
        browser.signIn(page.console(), DemoUsers.MANAGER, DemoUsers.PASSWORD);
        browser.click(By.id("nav-item-security-settings"));
        browser.waitFor(By.id("sc-read-only"));
        assertFalse(browser.driver().findElement(By.id("sc-password-min-length")).isEnabled());
        assertFalse(browser.driver().findElement(By.id("sc-mfa-OPTIONAL")).isEnabled());
        assertFalse(browser.driver().findElement(By.id("sc-allowlist-enabled")).isEnabled());
        assertTrue(browser.driver().findElements(By.id("sc-save")).isEmpty());
        assertTrue(browser.driver().findElements(By.id("sc-mfa-remind")).isEmpty());
        assertTrue(browser.driver().findElements(By.id("sc-allowlist-add")).isEmpty());
        browser.screenshot("admin-security-manager-read-only");
    }
}
