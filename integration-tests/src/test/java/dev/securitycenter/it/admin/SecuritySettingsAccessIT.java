package dev.securitycenter.it.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.DemoUsers;
import dev.securitycenter.it.support.KeycloakTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Settings ▸ Security on a realm that was never set up (the empty state, "Set up security defaults"), and who sees
 * it: not an Operator (no admin role), a Manager only read-only. One realm and one browser for all three: each
 * console start costs more than the test it serves.
 */
@ExtendWith(KeycloakTestServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuritySettingsAccessIT {

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private SecuritySettingsPage page;

    @BeforeAll
    void realmNeverSetUp() {
        page = SecuritySettingsPage.onCopyWithPasswordsOf(browser, DemoUsers.ADMIN, DemoUsers.OPERATOR,
                DemoUsers.MANAGER);
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

    /** First, while the realm is still empty; the other tests apply the defaults themselves (it is idempotent). */
    @Test
    @Order(1)
    void emptyRealmIsSetUpWithTheDefaults() {
        page.signInAsAdmin();
        browser.click(By.id("nav-item-security-settings"));
        browser.waitFor(By.id("sc-empty"));
        assertTrue(browser.visibleText().contains("No security policies configured"));
        browser.screenshot("admin-security-empty");

        browser.click(By.id("sc-set-up-defaults"));
        browser.waitFor(By.id("sc-settings"));
        JsonNode policy = page.policy();
        assertTrue(policy.get("configured").asBoolean());
        assertEquals(12, policy.at("/password/minLength").asInt());
        assertEquals(30, policy.at("/sessions/idleTimeoutMinutes").asInt());
        assertEquals("OPTIONAL", policy.at("/mfa/enforcement").asText());
        assertEquals("12", page.select("sc-password-min-length").getFirstSelectedOption().getAttribute("value"));
        browser.waitForText("12/45 users have 2FA enabled (27%)");
        assertEquals("low", browser.driver().findElement(By.id("sc-mfa-status")).getAttribute("data-level"));
        browser.waitFor(By.cssSelector("#sc-audit-mini .sc-audit-row"));
        assertTrue(browser.driver().findElement(By.id("sc-last-updated")).getText().contains("by tbrennan"));
        browser.screenshot("admin-security-settings");
        WebElement mfa = browser.driver().findElement(By.id("sc-mfa"));
        // README "Two-factor modes": Disabled means no 2FA at all, not 2FA by choice
        assertTrue(mfa.getText().contains("2FA not available to users"), mfa.getText());
        browser.scrollTo(mfa);
        browser.screenshot("admin-security-mfa");
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
        page.applyDefaults();
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
