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
import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings ▸ Security on a realm that was never set up: the empty state and "Set up security defaults". */
@ExtendWith(KeycloakTestServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuritySettingsSetupIT {

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private SecuritySettingsPage page;

    @BeforeAll
    void newRealm() {
        page = SecuritySettingsPage.onCopyWithPasswordsOf(browser, DemoUsers.ADMIN);
        page.signInAsAdmin();
    }

    @AfterAll
    void cleanUp() {
        page.close();
    }

    @Test
    void emptyRealmIsSetUpWithTheDefaults() {
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
}
