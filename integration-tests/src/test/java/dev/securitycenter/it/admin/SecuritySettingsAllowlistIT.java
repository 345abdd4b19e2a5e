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

import java.util.ArrayList;
import java.util.List;

import static dev.securitycenter.it.support.Chromium.byText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The IP allowlist section of Settings ▸ Security, from the recommended policy (allowlist off, no entries). */
@ExtendWith(KeycloakTestServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuritySettingsAllowlistIT {

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private SecuritySettingsPage page;

    @BeforeAll
    void signedInAdmin() {
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
    void allowlistIsEditedImportedTestedAndGuardsTheAdminsOwnAddress() {
        WebElement toggle = browser.driver().findElement(By.id("sc-allowlist-enabled"));
        browser.scrollTo(toggle);
        browser.click(By.cssSelector("label[for=sc-allowlist-enabled]"));
        WebElement modal = browser.waitFor(By.id("sc-allowlist-enable-modal"));
        assertTrue(modal.getText().contains("Your current IP (127.0.0.1) will be added automatically"), modal.getText());
        browser.screenshot("admin-security-allowlist-enable");
        browser.click(By.id("sc-allowlist-enable-modal-confirm"));
        browser.waitFor(byText("Your current address"));

        browser.click(By.id("sc-allowlist-add"));
        browser.type(browser.waitFor(By.id("sc-allowlist-entry-value")), "10.0.0.1/24");
        browser.type(browser.driver().findElement(By.id("sc-allowlist-entry-label")), "Office");
        browser.click(By.id("sc-allowlist-entry-save"));
        browser.waitForText("The range has host bits set");
        browser.screenshot("admin-security-allowlist-add");
        browser.type(browser.driver().findElement(By.id("sc-allowlist-entry-value")), "10.0.0.0/24");
        browser.click(By.id("sc-allowlist-entry-save"));
        browser.waitUntilGone(By.id("sc-allowlist-entry-modal"));

        browser.click(By.id("sc-allowlist-import"));
        WebElement pasted = browser.waitFor(By.id("sc-allowlist-import-text"));
        pasted.sendKeys("192.168.1.0/24 Branch office\nnot-an-ip\n2001:db8::/32 IPv6 lab");
        browser.click(By.id("sc-allowlist-import-run"));
        browser.waitForText("Line 2 (not-an-ip)");
        browser.screenshot("admin-security-allowlist-import");
        browser.type(pasted, "192.168.1.0/24 Branch office\n2001:db8::/32 IPv6 lab");
        browser.click(By.id("sc-allowlist-import-run"));
        browser.waitUntilGone(By.id("sc-allowlist-import-modal"));

        browser.type(browser.driver().findElement(By.id("sc-allowlist-test")), "10.0.0.7");
        browser.click(By.id("sc-allowlist-test-run"));
        browser.waitForText("10.0.0.7 is allowed by 10.0.0.0/24 (Office)");
        browser.type(browser.driver().findElement(By.id("sc-allowlist-test")), "203.0.113.9");
        browser.click(By.id("sc-allowlist-test-run"));
        browser.waitForText("203.0.113.9 is not on the list");

        // the admin removes their own address: the server puts it back rather than lock them out
        browser.click(By.cssSelector("[aria-label='Delete 127.0.0.1']"));
        browser.waitUntilGone(byText("Your current address"));
        browser.scrollTo(browser.driver().findElement(By.id("sc-allowlist-table")));
        browser.screenshot("admin-security-allowlist");
        browser.click(By.id("sc-save"));
        browser.waitForText("Your address 127.0.0.1 was added to the allowlist");
        browser.screenshot("admin-security-allowlist-guard");
        JsonNode allowlist = page.policy().get("ipAllowlist");
        assertTrue(allowlist.get("enabled").asBoolean());
        List<String> values = new ArrayList<>();
        allowlist.get("entries").forEach(e -> values.add(e.get("value").asText()));
        assertEquals(List.of("10.0.0.0/24", "192.168.1.0/24", "2001:db8::/32", "127.0.0.1"), values);

        browser.closeToasts();
        assertEquals(1, browser.driver().findElements(By.cssSelector(".sc-risk-banner")).size(),
                "the lock-out risk is shown while the list is on");
        browser.click(By.cssSelector("label[for=sc-allowlist-enabled]"));
        browser.waitUntilGone(By.cssSelector(".sc-risk-banner"));
        browser.click(By.id("sc-save"));
        assertTrue(browser.waitFor(By.id("sc-confirm-save")).getText().contains("Removing IP restrictions"));
        browser.screenshot("admin-security-allowlist-disable");
        browser.click(By.id("sc-confirm-save-confirm"));
        browser.waitForText("Security settings updated");
        assertFalse(page.policy().at("/ipAllowlist/enabled").asBoolean());
    }
}
