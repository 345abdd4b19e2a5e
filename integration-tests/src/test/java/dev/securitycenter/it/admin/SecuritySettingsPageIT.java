package dev.securitycenter.it.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.DemoUsers;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.securitycenter.it.support.Chromium.byText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Settings ▸ Security in the admin console, in Chromium, as the demo realm's admins use it: a copy of the demo
 * realm (same roles, 45 users, 12 with TOTP) so the shared {@code acme} realm stays untouched. Every step is
 * checked afterwards on the server through the admin REST API. The steps build on each other, in order.
 */
@ExtendWith(KeycloakTestServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuritySettingsPageIT {

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private KeycloakApi api;
    private TestRealm realm;
    private GreenMail smtp;
    private String page;

    @BeforeAll
    void copyDemoRealm() {
        api = KeycloakTestServer.api();
        realm = TestRealm.copyOf(api, DemoUsers.REALM, "ui");
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        realm.useSmtp(smtp.getSmtp().getPort());
        page = "/admin/" + realm.name() + "/console/#/" + realm.name() + "/security-settings";
    }

    /** Each step starts without the toasts of the one before, so they stay out of its screenshots. */
    @BeforeEach
    void closeEarlierToasts() {
        browser.closeToasts();
    }

    @AfterAll
    void cleanUp() {
        smtp.stop();
        realm.close();
    }

    @Test
    @Order(1)
    void operatorHasNoEntryAndTheRouteSaysNoAccess() {
        // an Operator holds no admin role at all, so the console itself refuses them: no navigation, no page
        browser.signIn(page, DemoUsers.OPERATOR, DemoUsers.PASSWORD);
        browser.waitForText("You do not have permission to access this resource");
        assertTrue(browser.driver().findElements(By.id("nav-item-security-settings")).isEmpty());
        assertTrue(browser.driver().findElements(By.id("sc-settings")).isEmpty());
        browser.screenshot("admin-security-no-access");
        browser.signOutEverywhere();
    }

    @Test
    @Order(2)
    void emptyRealmIsSetUpWithTheDefaults() {
        signInAsAdmin();
        browser.click(By.id("nav-item-security-settings"));
        browser.waitFor(By.id("sc-empty"));
        assertTrue(browser.visibleText().contains("No security policies configured"));
        browser.screenshot("admin-security-empty");

        browser.click(By.id("sc-set-up-defaults"));
        browser.waitFor(By.id("sc-settings"));
        JsonNode policy = policy();
        assertTrue(policy.get("configured").asBoolean());
        assertEquals(12, policy.at("/password/minLength").asInt());
        assertEquals(30, policy.at("/sessions/idleTimeoutMinutes").asInt());
        assertEquals("OPTIONAL", policy.at("/mfa/enforcement").asText());
        assertEquals("12", select("sc-password-min-length").getFirstSelectedOption().getAttribute("value"));
        browser.waitForText("12/45 users have 2FA enabled (27%)");
        assertEquals("scAdoptionLow", browser.driver().findElement(By.id("sc-mfa-status")).getAttribute("data-level"));
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
    @Order(3)
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
    @Order(4)
    void changesArePreviewedConfirmedAndSaved() {
        select("sc-password-min-length").selectByValue("14");
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
        select("sc-sessions-idle").selectByValue("15");
        browser.click(By.id("sc-mfa-REQUIRED_ALL"));
        WebElement mfaWarning = browser.waitFor(By.cssSelector("#sc-mfa .sc-preview-warning"));
        assertTrue(mfaWarning.getText().contains("will force 33 users to set up 2FA"), mfaWarning.getText());
        assertTrue(browser.driver().findElements(By.cssSelector("#sc-sessions .sc-preview-warning")).isEmpty());

        browser.click(By.id("sc-save"));
        WebElement modal = browser.waitFor(By.id("sc-confirm-save"));
        assertTrue(modal.getText().contains("Changing to Required will force 33 users"), modal.getText());
        assertFalse(modal.getText().contains("Reducing timeout"), modal.getText());
        assertFalse(modal.getText().contains("do not meet the new policy"), modal.getText());
        browser.screenshot("admin-security-confirm-save");
        browser.click(By.id("sc-confirm-save-confirm"));
        browser.waitForText("2FA now required for all users");
        browser.screenshot("admin-security-saved-toast");

        JsonNode policy = policy();
        assertEquals(14, policy.at("/password/minLength").asInt());
        assertEquals("REQUIRED_ALL", policy.at("/mfa/enforcement").asText());
        assertEquals(15, policy.at("/sessions/idleTimeoutMinutes").asInt());
        assertEquals("tbrennan", policy.get("updatedBy").asText());
        browser.waitFor(byText("Security policy updated"));

        // Required -> Optional asks first, too (the other demo users sign in below)
        browser.click(By.id("sc-mfa-OPTIONAL"));
        browser.waitForText("Users may disable 2FA.");
        browser.click(By.id("sc-save"));
        assertTrue(browser.waitFor(By.id("sc-confirm-save")).getText().contains("Users may disable 2FA."));
        browser.click(By.id("sc-confirm-save-confirm"));
        browser.waitForText("Security settings updated");
        assertEquals("OPTIONAL", policy().at("/mfa/enforcement").asText());
    }

    @Test
    @Order(5)
    void serverValidationErrorsAppearUnderTheirFieldsUntilFixed() {
        select("sc-password-expiry").selectByValue("180");
        // a character class is required only while common passwords are not blocked (the defaults block them)
        browser.click(By.cssSelector("label[for=sc-password-block-common]"));
        toggleCharacterClasses();
        WebElement error = browser.waitFor(By.cssSelector("#sc-password .sc-field-error"));
        assertTrue(error.getText().contains("At least one character class must be required"), error.getText());
        browser.scrollTo(error);
        browser.screenshot("admin-security-validation-error");
        browser.click(By.id("sc-save"));
        By invalid = byText("Some settings are not valid");
        browser.waitFor(invalid);
        assertTrue(policy().at("/password/requireUppercase").asBoolean(), "nothing was saved");

        // fixed and saved: the failure's toast goes once the save succeeds
        toggleCharacterClasses();
        browser.waitUntilGone(By.cssSelector("#sc-password .sc-field-error"));
        assertTrue(browser.driver().findElement(invalid).isDisplayed(), "the error toast is still up before saving");
        browser.click(By.id("sc-save"));
        browser.waitForText("Security settings updated");
        assertTrue(browser.driver().findElements(invalid).isEmpty(), "the error toast was closed");
        JsonNode password = policy().get("password");
        assertEquals(180, password.get("expiryDays").asInt());
        assertTrue(password.get("requireUppercase").asBoolean() && password.get("requireSpecial").asBoolean());
        assertFalse(password.get("blockCommon").asBoolean());

        // with common passwords blocked the boxes are optional, and the page says why (saving: CommonPasswordIT)
        browser.click(By.cssSelector("label[for=sc-password-block-common]"));
        toggleCharacterClasses();
        WebElement note = browser.waitFor(By.id("sc-password-complexity-optional"));
        assertTrue(note.getText().contains("Optional while common passwords are blocked"), note.getText());
        browser.type(browser.driver().findElement(By.id("sc-password-blocked-words")), "Initech, Vandelay");
        browser.closeToasts();
        browser.scrollTo(note);
        browser.screenshot("admin-security-common-passwords");
        browser.click(By.id("sc-cancel"));
        browser.waitUntilGone(By.id("sc-password-complexity-optional"));
    }

    private void toggleCharacterClasses() {
        for (String id : List.of("sc-password-requireUppercase", "sc-password-requireLowercase",
                "sc-password-requireDigits", "sc-password-requireSpecial")) {
            browser.click(By.id(id));
        }
    }

    @Test
    @Order(6)
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
        JsonNode allowlist = policy().get("ipAllowlist");
        assertTrue(allowlist.get("enabled").asBoolean());
        List<String> values = new ArrayList<>();
        allowlist.get("entries").forEach(e -> values.add(e.get("value").asText()));
        assertEquals(List.of("10.0.0.0/24", "192.168.1.0/24", "2001:db8::/32", "127.0.0.1"), values);

        browser.closeToasts();
        browser.click(By.cssSelector("label[for=sc-allowlist-enabled]"));
        browser.click(By.id("sc-save"));
        assertTrue(browser.waitFor(By.id("sc-confirm-save")).getText().contains("Removing IP restrictions"));
        browser.screenshot("admin-security-allowlist-disable");
        browser.click(By.id("sc-confirm-save-confirm"));
        browser.waitForText("Security settings updated");
        assertFalse(policy().at("/ipAllowlist/enabled").asBoolean());
    }

    @Test
    @Order(7)
    void remindersAreCountedBeforeTheyAreSent() {
        browser.scrollTo(browser.driver().findElement(By.id("sc-mfa")));
        browser.click(By.id("sc-mfa-remind"));
        WebElement modal = browser.waitFor(By.id("sc-reminder-modal"));
        assertTrue(modal.getText().contains("Send 2FA setup reminder to 33 users?"), modal.getText());
        browser.screenshot("admin-security-reminder");
        browser.click(By.id("sc-reminder-modal-confirm"));
        browser.waitForText("2FA reminders sent to 33 users");
        assertTrue(smtp.waitForIncomingEmail(30_000, 33), "33 reminder mails");
    }

    @Test
    @Order(8)
    void adminTerminatesTheirOtherSessions() {
        String userId = api.get(realm.adminPath() + "/users?exact=true&username=" + DemoUsers.ADMIN, admin())
                .json().get(0).get("id").asText();
        api.token(realm.name(), DemoUsers.ADMIN, DemoUsers.PASSWORD);
        api.token(realm.name(), DemoUsers.ADMIN, DemoUsers.PASSWORD);
        assertEquals(3, sessionsOf(userId));
        browser.driver().navigate().refresh();
        WebElement table = browser.waitFor(By.id("sc-sessions-table"));
        browser.until(d -> d.findElements(By.cssSelector("#sc-sessions-table .sc-session-row")).size() == 3);
        assertTrue(table.getText().contains("\u25CF Current"), table.getText());

        browser.scrollTo(table);
        browser.click(By.cssSelector("[aria-label='Terminate session on admin-cli']"));
        WebElement modal = browser.waitFor(By.id("sc-terminate-modal"));
        assertTrue(modal.getText().contains("Terminate session on admin-cli?"), modal.getText());
        browser.screenshot("admin-security-terminate-session");
        browser.click(By.id("sc-terminate-modal-confirm"));
        browser.waitForText("Session terminated successfully");
        assertEquals(2, sessionsOf(userId));

        api.token(realm.name(), DemoUsers.ADMIN, DemoUsers.PASSWORD);
        browser.driver().navigate().refresh();
        browser.until(d -> d.findElements(By.cssSelector("#sc-sessions-table .sc-session-row")).size() == 3);
        browser.click(By.id("sc-terminate-others"));
        assertTrue(browser.waitFor(By.id("sc-terminate-modal")).getText().contains("Terminate 2 other sessions?"));
        browser.screenshot("admin-security-terminate-all");
        browser.click(By.id("sc-terminate-modal-confirm"));
        browser.waitForText("2 sessions terminated successfully");
        assertEquals(1, sessionsOf(userId), "only the console's own session is left");
        browser.scrollTo(browser.driver().findElement(By.id("sc-sessions-table")));
        browser.screenshot("admin-security-sessions");
    }

    @Test
    @Order(9)
    void lockedUserIsUnlocked() {
        for (int i = 0; i < 6; i++) {
            api.passwordGrant(realm.name(), "cmartin", "wrong-password-" + i);
        }
        assertEquals(1, api.get(realm.adminPath() + "/security-center/lockouts", admin()).json().size());
        browser.driver().navigate().refresh();
        WebElement row = browser.waitFor(By.cssSelector("#sc-locked-table .sc-locked-row"));
        assertTrue(row.getText().contains("cmartin"), row.getText());
        int failures = Integer.parseInt(row.findElement(By.cssSelector("td[data-label='Failed attempts']")).getText());
        assertTrue(failures >= 5, "locked at the policy's threshold, not before: " + failures);
        browser.scrollTo(row);
        browser.screenshot("admin-security-locked-users");
        browser.click(By.cssSelector("[aria-label='Unlock cmartin']"));
        browser.waitForText("cmartin unlocked");
        browser.waitForText("No locked users");
        assertEquals(0, api.get(realm.adminPath() + "/security-center/lockouts", admin()).json().size());
        assertEquals(200, api.passwordGrant(realm.name(), "cmartin", DemoUsers.PASSWORD).status());
    }

    @Test
    @Order(10)
    void fullAuditLogFiltersPagesAndExports() throws Exception {
        Path downloads = Files.createDirectories(Path.of("target/downloads"));
        Files.deleteIfExists(downloads.resolve("security-audit.csv"));
        browser.downloadTo(downloads);
        browser.click(By.id("sc-view-full-log"));
        browser.waitFor(By.cssSelector("#sc-audit-table .sc-audit-row"));
        new Select(browser.driver().findElement(By.id("sc-audit-type"))).selectByValue("policy.updated");
        browser.click(By.id("sc-audit-search"));
        browser.until(d -> d.findElements(By.cssSelector("#sc-audit-table .sc-audit-row")).stream()
                .allMatch(r -> r.getText().contains("Security policy updated")));
        int shown = browser.driver().findElements(By.cssSelector("#sc-audit-table .sc-audit-row")).size();
        assertEquals(api.get(realm.adminPath() + "/security-center/audit?type=policy.updated", admin()).json().size(),
                shown);
        browser.screenshot("admin-security-audit-log");
        browser.click(By.id("sc-audit-export-csv"));
        Path csv = downloads.resolve("security-audit.csv");
        browser.until(d -> Files.exists(csv));
        assertTrue(Files.readString(csv).contains("policy.updated"));
    }

    @Test
    @Order(11)
    void unsavedChangesAreNotLostByNavigatingAway() {
        browser.open(page);
        browser.waitFor(By.id("sc-settings"));
        select("sc-lockout-failures").selectByValue("10");
        browser.click(By.id("nav-item-users"));
        browser.waitFor(By.id("sc-unsaved-modal"));
        browser.screenshot("admin-security-unsaved-changes");
        browser.click(By.id("sc-unsaved-modal-cancel"));
        assertEquals("10", select("sc-lockout-failures").getFirstSelectedOption().getAttribute("value"));
        browser.click(By.id("sc-cancel"));
        browser.click(By.id("nav-item-users"));
        browser.waitUntilGone(By.id("sc-settings"));
        assertEquals(5, policy().at("/lockout/maxFailures").asInt(), "nothing was saved");
        browser.signOutEverywhere();
    }

    @Test
    @Order(12)
    void managerSeesTheSettingsReadOnly() {
        browser.signIn(console(), DemoUsers.MANAGER, DemoUsers.PASSWORD);
        browser.click(By.id("nav-item-security-settings"));
        browser.waitFor(By.id("sc-read-only"));
        assertFalse(browser.driver().findElement(By.id("sc-password-min-length")).isEnabled());
        assertFalse(browser.driver().findElement(By.id("sc-mfa-OPTIONAL")).isEnabled());
        assertFalse(browser.driver().findElement(By.id("sc-allowlist-enabled")).isEnabled());
        assertTrue(browser.driver().findElements(By.id("sc-save")).isEmpty());
        assertTrue(browser.driver().findElements(By.id("sc-mfa-remind")).isEmpty());
        assertTrue(browser.driver().findElements(By.id("sc-allowlist-add")).isEmpty());
        browser.screenshot("admin-security-manager-read-only");
        browser.signOutEverywhere();
    }

    private void signInAsAdmin() {
        browser.signIn(console(), DemoUsers.ADMIN, DemoUsers.PASSWORD);
        browser.waitFor(By.id("nav-item-security-settings"));
    }

    private String console() {
        return "/admin/" + realm.name() + "/console/";
    }

    private Select select(String id) {
        return new Select(browser.waitFor(By.id(id)));
    }

    private String admin() {
        return api.masterAdminToken();
    }

    private JsonNode policy() {
        return api.get(realm.adminPath() + "/security-center/policy", admin()).json();
    }

    private int sessionsOf(String userId) {
        return api.get(realm.adminPath() + "/users/" + userId + "/sessions", admin()).json().size();
    }
}
