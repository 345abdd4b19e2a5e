package dev.securitycenter.it.admin;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.DemoUsers;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Settings ▸ Security does for people under the recommended policy: 2FA reminders to the 33 demo users
 * without 2FA, the admin's own sessions, and unlocking a locked user.
 */
@ExtendWith(KeycloakTestServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuritySettingsUsersIT {

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private SecuritySettingsPage page;
    private GreenMail smtp;

    @BeforeAll
    void signedInAdmin() {
        page = SecuritySettingsPage.onCopyWithPasswordsOf(browser, DemoUsers.ADMIN, DemoUsers.VIEWER);
        page.applyDefaults();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        page.realm.useSmtp(smtp.getSmtp().getPort());
        page.signInAsAdmin();
    }

    /** A freshly loaded page, without the toasts of an earlier test. */
    @BeforeEach
    void freshPage() {
        page.open();
        browser.closeToasts();
    }

    @AfterAll
    void cleanUp() {
        smtp.stop();
        page.close();
    }

    @Test
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
    void adminTerminatesTheirOtherSessions() {
        String userId = page.api.get(page.realm.adminPath() + "/users?exact=true&username=" + DemoUsers.ADMIN,
                page.admin()).json().get(0).get("id").asText();
        assertEquals(1, sessionsOf(userId), "the console's own session");
        page.api.token(page.realm.name(), DemoUsers.ADMIN, DemoUsers.PASSWORD);
        page.api.token(page.realm.name(), DemoUsers.ADMIN, DemoUsers.PASSWORD);
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

        page.api.token(page.realm.name(), DemoUsers.ADMIN, DemoUsers.PASSWORD);
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
    void lockedUserIsUnlocked() {
        for (int i = 0; i < 6; i++) {
            page.api.passwordGrant(page.realm.name(), "cmartin", "wrong-password-" + i);
        }
        assertEquals(1, lockedUsers());
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
        assertEquals(0, lockedUsers());
        assertEquals(200, page.api.passwordGrant(page.realm.name(), "cmartin", DemoUsers.PASSWORD).status());
    }

    private int lockedUsers() {
        return page.api.get(page.realm.adminPath() + "/security-center/lockouts", page.admin()).json().size();
    }

    private int sessionsOf(String userId) {
        return page.api.get(page.realm.adminPath() + "/users/" + userId + "/sessions", page.admin()).json().size();
    }
}
