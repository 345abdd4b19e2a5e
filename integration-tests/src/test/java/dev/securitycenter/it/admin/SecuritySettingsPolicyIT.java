package dev.securitycenter.it.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.KeycloakTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static dev.securitycenter.it.support.Chromium.byText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Editing the policy on Settings ▸ Security as an Admin: loading and error states, previews, confirmations,
 * server validation, unsaved changes and the audit log of the saves. Each test starts from the recommended policy.
 */
@ExtendWith(KeycloakTestServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuritySettingsPolicyIT {

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private SecuritySettingsPage page;

    @BeforeAll
    void signedInAdmin() {
        // every password: the preview counts those not checked against the policy yet
        page = SecuritySettingsPage.onFullCopy(browser);
        page.signInAsAdmin();
    }

    /** The recommended policy on the server and on a freshly loaded page, without the toasts of an earlier test. */
    @BeforeEach
    void recommendedPolicy() {
        page.applyDefaults();
        page.open();
        browser.closeToasts();
    }

    @AfterAll
    void cleanUp() {
        page.close();
    }

    @Test
    void loadingAndErrorStates() {
        browser.click(By.id("nav-item-users"));
        browser.networkLatency(4000);
        browser.click(By.id("nav-item-security-settings"));
        browser.waitFor(By.id("sc-loading"));
        WebElement loading = browser.waitFor(By.id("sc-loading-text"));
        assertEquals("Loading security settings...", loading.getText());
        assertTrue(browser.inViewport(loading), "the loading text shows without scrolling");
        assertEquals(6, browser.driver().findElements(By.cssSelector("#sc-loading .sc-section")).size());
        browser.screenshot("admin-security-loading");
        browser.waitFor(By.id("sc-settings"));
        browser.networkLatency(0);

        browser.click(By.id("nav-item-users"));
        browser.blockUrls("*/security-center/policy");
        browser.click(By.id("nav-item-security-settings"));
        browser.waitFor(By.id("sc-error"));
        assertTrue(browser.visibleText().contains("Failed to load security settings"));
        assertTrue(browser.visibleText().contains("SECURITY_CONFIG_FETCH_FAILED"));
        browser.screenshot("admin-security-error");
        browser.blockUrls();
        browser.click(By.id("sc-retry"));
        browser.waitFor(By.id("sc-settings"));
    }

    @Test
    void changesArePreviewedConfirmedAndSaved() {
        page.select("sc-password-min-length").selectByValue("14");
        WebElement warning = browser.waitFor(By.cssSelector("#sc-password .sc-preview-warning"));
        assertTrue(warning.getText().contains("passwords have not been checked since the realm was set up"),
                warning.getText());
        // no stored password fails 14 characters: the warning that would count 0 users is left out
        assertFalse(browser.driver().findElement(By.id("sc-password")).getText()
                .contains("do not meet the new policy"));
        browser.scrollTo(warning);
        browser.screenshot("admin-security-preview");

        // every session is fresh, so a 15 minute timeout logs out nobody and warns of nothing; the 2FA
        // warning below comes from a preview that already includes the new timeout
        page.select("sc-sessions-idle").selectByValue("15");
        browser.click(By.id("sc-mfa-REQUIRED_ALL"));
        WebElement mfaWarning = browser.waitFor(By.cssSelector("#sc-mfa .sc-preview-warning"));
        assertTrue(mfaWarning.getText().contains("will force 33 users to set up 2FA"), mfaWarning.getText());
        assertTrue(browser.driver().findElements(By.cssSelector("#sc-sessions .sc-preview-warning")).isEmpty());

        browser.click(By.id("sc-save"));
        WebElement modal = browser.waitFor(By.id("sc-confirm-save"));
        assertTrue(modal.getText().contains("Changing to Required will force 33 users"), modal.getText());
        assertFalse(modal.getText().contains("Reducing timeout"), modal.getText());
        assertFalse(modal.getText().contains("do not meet the new policy"), modal.getText());
        // the people it concerns hear of it by mail, and the admin is told so before saving
        assertTrue(modal.getText().contains("users will be told by email what changes at their next sign-in"),
                modal.getText());
        browser.screenshot("admin-security-confirm-save");
        browser.click(By.id("sc-confirm-save-confirm"));
        browser.waitForText("2FA now required for all users");
        browser.screenshot("admin-security-saved-toast");

        JsonNode policy = page.policy();
        assertEquals(14, policy.at("/password/minLength").asInt());
        assertEquals("REQUIRED_ALL", policy.at("/mfa/enforcement").asText());
        assertEquals(15, policy.at("/sessions/idleTimeoutMinutes").asInt());
        assertEquals("tbrennan", policy.get("updatedBy").asText());
        browser.waitFor(byText("Security policy updated"));
        // the mini log says what the save changed
        browser.until(d -> d.findElement(By.id("sc-audit-mini")).getText().contains("Minimum length 12 \u2192 14"));
        String mini = browser.driver().findElement(By.id("sc-audit-mini")).getText();
        assertTrue(mini.contains("Session timeout (minutes) 30 \u2192 15")
                && mini.contains("2FA enforcement OPTIONAL \u2192 REQUIRED_ALL"), mini);

        // Required -> Optional asks first, too
        browser.click(By.id("sc-mfa-OPTIONAL"));
        browser.waitForText("Users may disable 2FA.");
        browser.click(By.id("sc-save"));
        assertTrue(browser.waitFor(By.id("sc-confirm-save")).getText().contains("Users may disable 2FA."));
        browser.click(By.id("sc-confirm-save-confirm"));
        browser.waitForText("Security settings updated");
        assertEquals("OPTIONAL", page.policy().at("/mfa/enforcement").asText());
    }

    @Test
    void passkeysAreARecommendedMethodAndAdminsCanBeHeldToThem() {
        WebElement passkey = browser.waitFor(By.cssSelector("#sc-mfa label[for=sc-mfa-method-PASSKEY]"));
        assertEquals("Passkey (phishing-resistant)", passkey.getText());
        assertTrue(browser.driver().findElement(By.id("sc-mfa")).getText()
                .contains("Recommended: the device proves the site"));
        assertTrue(browser.driver().findElement(By.id("sc-mfa-method-PASSKEY")).isSelected(),
                "the defaults allow passkeys");
        WebElement byMethod = browser.waitFor(By.id("sc-mfa-by-method"));
        assertTrue(byMethod.getText().contains("Authenticator app: 12"), byMethod.getText());
        assertTrue(byMethod.getText().contains("Passkey: 0"), byMethod.getText());
        assertTrue(browser.driver().findElements(By.id("sc-mfa-strength-PHISHING_RESISTANT")).isEmpty(),
                "the admin strength matters only while 2FA is required");

        browser.click(By.id("sc-mfa-REQUIRED_ADMINS"));
        browser.click(By.id("sc-mfa-strength-PHISHING_RESISTANT"));
        WebElement warning = browser.waitForText("admins have no passkey and will register one at next sign-in.");
        browser.scrollTo(warning);
        browser.screenshot("admin-security-mfa-passkeys");

        browser.click(By.id("sc-mfa-method-PASSKEY"));
        browser.waitForText("PHISHING_RESISTANT needs PASSKEY among mfa.methods");
        browser.click(By.id("sc-mfa-method-PASSKEY"));
        browser.click(By.id("sc-save"));
        browser.waitFor(By.id("sc-confirm-save"));
        browser.click(By.id("sc-confirm-save-confirm"));
        browser.until(driver -> "PHISHING_RESISTANT".equals(page.policy().at("/mfa/adminStrength").asText()));
        assertEquals("REQUIRED_ADMINS", page.policy().at("/mfa/enforcement").asText());
    }

    @Test
    void serverValidationErrorsAppearUnderTheirFieldsAndHoldBackSaveUntilFixed() {
        page.select("sc-password-expiry").selectByValue("180");
        // a character class is required only while common passwords are not blocked (the defaults block them)
        browser.click(By.cssSelector("label[for=sc-password-block-common]"));
        toggleCharacterClasses();
        WebElement error = browser.waitFor(By.cssSelector("#sc-password .sc-field-error"));
        assertTrue(error.getText().contains("At least one character class must be required"), error.getText());
        browser.scrollTo(error);
        browser.screenshot("admin-security-validation-error");
        assertFalse(browser.driver().findElement(By.id("sc-save")).isEnabled(), "Save is off while a field is invalid");
        assertTrue(page.policy().at("/password/requireUppercase").asBoolean(), "nothing was saved");

        // fixed: Save comes back and saves
        toggleCharacterClasses();
        browser.waitUntilGone(By.cssSelector("#sc-password .sc-field-error"));
        browser.until(d -> d.findElement(By.id("sc-save")).isEnabled());
        browser.click(By.id("sc-save"));
        browser.waitForText("Security settings updated");
        JsonNode password = page.policy().get("password");
        assertEquals(180, password.get("expiryDays").asInt());
        assertTrue(password.get("requireUppercase").asBoolean() && password.get("requireSpecial").asBoolean());
        assertFalse(password.get("blockCommon").asBoolean());
    }

    @Test
    void blockingCommonPasswordsMakesTheCharacterClassesOptional() {
        assertTrue(browser.driver().findElement(By.id("sc-password-block-common")).isSelected(), "on by default");
        toggleCharacterClasses();
        WebElement note = browser.waitFor(By.id("sc-password-complexity-optional"));
        assertTrue(note.getText().contains("Optional while common passwords are blocked"), note.getText());
        browser.type(browser.driver().findElement(By.id("sc-password-blocked-words")), "Initech, Vandelay");
        browser.scrollTo(note);
        browser.screenshot("admin-security-common-passwords");
        browser.click(By.id("sc-save"));
        browser.waitForText("Security settings updated");
        JsonNode password = page.policy().get("password");
        assertTrue(password.get("blockCommon").asBoolean());
        assertFalse(password.get("requireUppercase").asBoolean() || password.get("requireSpecial").asBoolean());
        assertEquals("[\"Initech\",\"Vandelay\"]", password.get("blockedWords").toString());
    }

    private void toggleCharacterClasses() {
        for (String id : List.of("sc-password-requireUppercase", "sc-password-requireLowercase",
                "sc-password-requireDigits", "sc-password-requireSpecial")) {
            browser.click(By.id(id));
        }
    }

    @Test
    void unsavedChangesAreNotLostByNavigatingAway() {
        page.select("sc-lockout-failures").selectByValue("10");
        browser.click(By.id("nav-item-users"));
        browser.waitFor(By.id("sc-unsaved-modal"));
        browser.screenshot("admin-security-unsaved-changes");
        browser.click(By.id("sc-unsaved-modal-cancel"));
        assertEquals("10", page.select("sc-lockout-failures").getFirstSelectedOption().getAttribute("value"));
        browser.click(By.id("sc-cancel"));
        browser.click(By.id("nav-item-users"));
        browser.waitUntilGone(By.id("sc-settings"));
        assertEquals(5, page.policy().at("/lockout/maxFailures").asInt(), "nothing was saved");
    }

    @Test
    void fullAuditLogFiltersPagesAndExports() throws Exception {
        Path downloads = Files.createDirectories(Path.of("target/downloads"));
        Files.deleteIfExists(downloads.resolve("security-audit.csv"));
        page.realm.changePolicy(policy -> ((ObjectNode) policy.get("password")).put("minLength", 16));
        browser.downloadTo(downloads);
        browser.click(By.id("sc-view-full-log"));
        browser.waitFor(By.cssSelector("#sc-audit-table .sc-audit-row"));
        new Select(browser.driver().findElement(By.id("sc-audit-type"))).selectByValue("policy.updated");
        browser.click(By.id("sc-audit-search"));
        browser.until(d -> d.findElements(By.cssSelector("#sc-audit-table .sc-audit-row")).stream()
                .allMatch(r -> r.getText().contains("Security policy updated")));
        int shown = browser.driver().findElements(By.cssSelector("#sc-audit-table .sc-audit-row")).size();
        assertEquals(page.api.get(page.realm.adminPath() + "/security-center/audit?type=policy.updated",
                page.admin()).json().size(), shown);
        String newest = browser.driver().findElement(By.cssSelector("#sc-audit-table .sc-audit-row")).getText();
        assertTrue(newest.contains("Minimum length 12 \u2192 16"), newest);
        // the filters fit on one line, each date picker beside its label, never wrapped away from it
        int filtersTop = browser.driver().findElement(By.id("sc-audit-type")).getRect().getY();
        for (String date : new String[]{"sc-audit-from", "sc-audit-to"}) {
            int labelTop = browser.driver().findElement(By.cssSelector("label[for=" + date + "]")).getRect().getY();
            int pickerTop = browser.driver().findElement(By.id(date)).getRect().getY();
            assertTrue(Math.abs(pickerTop - filtersTop) <= 8 && Math.abs(labelTop - filtersTop) <= 16,
                    date + " at " + pickerTop + " (label " + labelTop + "), the filters at " + filtersTop);
        }
        browser.screenshot("admin-security-audit-log");
        browser.click(By.id("sc-audit-export-csv"));
        Path csv = downloads.resolve("security-audit.csv");
        browser.until(d -> Files.exists(csv));
        assertTrue(Files.readString(csv).contains("policy.updated"));

        // every field of one event in the details drawer
        browser.click(By.cssSelector("#sc-audit-table .sc-audit-open"));
        WebElement details = browser.waitFor(By.id("sc-audit-details"));
        assertTrue(details.getText().contains("(policy.updated)") && details.getText().contains("\"changes\"")
                && details.getText().contains("Minimum length"), details.getText());
        browser.screenshot("admin-security-audit-details");
        browser.click(By.cssSelector("#sc-audit-details button[aria-label='Close event details']"));
        browser.waitUntilGone(By.id("sc-audit-details"));

        // the date pickers narrow the log: nothing happened after tomorrow
        WebElement from = browser.driver().findElement(By.id("sc-audit-from"));
        from.sendKeys(LocalDate.now(ZoneOffset.UTC).plusDays(2).toString());
        browser.click(By.id("sc-audit-search"));
        browser.waitForText("No security events yet");

        browser.click(By.id("sc-back-to-settings"));
        browser.waitFor(By.id("sc-settings"));
    }
}
