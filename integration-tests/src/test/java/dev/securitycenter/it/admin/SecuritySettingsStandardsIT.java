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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Standards panel on Settings ▸ Security as an Admin: the recommended (Acme) policy's findings with their
 * status, a finding's field link taking the admin to the setting, the NIST notes under composition and expiry, and
 * the NIST preset previewed, confirmed and applied, after which nothing is left unmet.
 */
@ExtendWith(KeycloakTestServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuritySettingsStandardsIT {

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private SecuritySettingsPage page;

    @BeforeAll
    void signedInAdminOnTheRecommendedPolicy() {
        page = SecuritySettingsPage.onCopyWithPasswordsOf(browser, DemoUsers.ADMIN);
        page.applyDefaults();
        page.signInAsAdmin();
        page.open();
    }

    @AfterAll
    void cleanUp() {
        page.close();
    }

    @Test
    void findingsLinkToTheirFieldsAndThePresetMeetsThemAll() {
        WebElement expiry = browser.until(d -> d.findElements(By.cssSelector(".sc-finding-NOT_MET")).stream()
                .filter(f -> f.getText().contains("password.expiryDays")).findFirst().orElse(null));
        assertTrue(expiry.getText().contains("NIST 800-63B-4 3.1.1.2"), expiry.getText());
        assertTrue(browser.waitFor(By.id("sc-standards-summary")).getText().contains("requirements not met"));
        assertTrue(browser.driver().findElement(By.id("sc-password-complexity-nist")).getText().contains("NIST"));
        assertTrue(browser.driver().findElement(By.id("sc-password-expiry-nist")).getText().contains("NIST"));
        browser.screenshot("admin-security-standards");

        WebElement link = expiry.findElement(By.cssSelector(".sc-finding-field"));
        browser.scrollTo(link);
        link.click();
        WebElement field = browser.driver().findElement(By.id("sc-password-expiry"));
        browser.until(d -> browser.inViewport(field));
        assertEquals(field, browser.driver().switchTo().activeElement(), "the setting has the focus");

        browser.click(By.id("sc-preset-nist"));
        WebElement modal = browser.waitFor(By.id("sc-preset-modal"));
        assertTrue(modal.getText().contains("1 user has a password that does not meet the new policy"), modal.getText());
        assertEquals("90", page.policy().at("/password/expiryDays").asText(), "nothing saved before confirming");
        browser.screenshot("admin-security-nist-preset");
        browser.click(By.id("sc-preset-modal-confirm"));
        browser.waitForText("NIST 800-63B preset applied");
        browser.until(d -> d.findElement(By.id("sc-standards-summary")).getText().startsWith("0 of "));
        assertTrue(browser.driver().findElements(By.cssSelector(".sc-finding-NOT_MET")).isEmpty());
        browser.click(By.cssSelector("#sc-findings-met button"));
        assertFalse(browser.waitFor(By.id("sc-findings-met-list")).findElements(By.cssSelector(".sc-finding-MET"))
                .isEmpty(), "the met requirements unfold");

        JsonNode password = page.policy().get("password");
        assertEquals(0, password.get("expiryDays").asInt());
        assertTrue(password.get("blockBreached").asBoolean());
        assertEquals("0", browser.driver().findElement(By.id("sc-password-expiry")).getAttribute("value"),
                "the form shows the applied policy");
        JsonNode findings = page.api.get(page.realm.adminPath() + "/security-center/policy/assessment",
                page.admin()).json().get("findings");
        findings.forEach(f -> assertFalse(f.get("status").asText().equals("NOT_MET"), f.toString()));
    }
}
