package dev.securitycenter.it.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.DemoUsers;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakServer;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.SourceBoundHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Settings ▸ Security does for people under the recommended policy: 2FA reminders to the 33 demo users
 * without 2FA, the admin's own sessions, and unlocking a locked user.
 */
@ExtendWith(KeycloakTestServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuritySettingsUsersIT {

    private static final String FIREFOX_ON_WINDOWS =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String SAFARI_ON_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)"
            + " AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

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
        // the trusted proxy forwards a public address, which this realm (like one behind TLS) then accepts
        page.realm.update(Map.of("sslRequired", "none"));
        signInElsewhere(FIREFOX_ON_WINDOWS, "127.0.0.1");
        signInElsewhere(SAFARI_ON_IPHONE, "8.8.8.8");
        assertEquals(3, sessionsOf(userId));
        browser.driver().navigate().refresh();
        WebElement table = browser.waitFor(By.id("sc-sessions-table"));
        browser.until(d -> d.findElements(By.cssSelector("#sc-sessions-table .sc-session-row")).size() == 3);
        String rows = table.getText();
        assertTrue(rows.contains("\u25CF Current") && rows.contains("Firefox on Windows")
                && rows.contains("Mobile Safari on iOS"), rows);
        WebElement iphone = browser.driver().findElement(By.xpath(
                "//tr[contains(@class,'sc-session-row')][td[normalize-space()='Mobile Safari on iOS']]"));
        assertEquals("8.8.8.8", iphone.findElement(By.cssSelector("td[data-label='IP address']")).getText());
        assertTrue(iphone.findElement(By.cssSelector("td[data-label='Location']")).getText().endsWith("United States"),
                iphone.getText());
        browser.scrollTo(table);
        browser.screenshot("admin-security-sessions");

        browser.click(By.cssSelector("[aria-label='Terminate session on Firefox on Windows']"));
        WebElement modal = browser.waitFor(By.id("sc-terminate-modal"));
        assertTrue(modal.getText().contains("Terminate session on Firefox on Windows?"), modal.getText());
        browser.screenshot("admin-security-terminate-session");
        browser.click(By.id("sc-terminate-modal-confirm"));
        browser.waitForText("Session terminated successfully");
        assertEquals(2, sessionsOf(userId));
        JsonNode revoked = new AuditLog(page.api, page.realm.name()).awaitEvent("auth.session_revoked",
                DemoUsers.ADMIN, e -> e.at("/details/byAdmin").asBoolean());
        assertEquals(DemoUsers.ADMIN, revoked.get("actorUsername").asText(), revoked.toString());

        signInElsewhere(FIREFOX_ON_WINDOWS, "127.0.0.1");
        browser.driver().navigate().refresh();
        browser.until(d -> d.findElements(By.cssSelector("#sc-sessions-table .sc-session-row")).size() == 3);
        browser.click(By.id("sc-terminate-others"));
        assertTrue(browser.waitFor(By.id("sc-terminate-modal")).getText().contains("Terminate 2 other sessions?"));
        browser.screenshot("admin-security-terminate-all");
        browser.click(By.id("sc-terminate-modal-confirm"));
        browser.waitForText("2 sessions terminated successfully");
        assertEquals(1, sessionsOf(userId), "only the console's own session is left");
    }

    /** A sign-in of the admin from another device, reaching the server through the trusted proxy. */
    private void signInElsewhere(String userAgent, String clientAddress) {
        Response signedIn = new SourceBoundHttp(page.api.baseUrl(), KeycloakServer.TRUSTED_PROXY).postForm(
                "/realms/" + page.realm.name() + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", DemoUsers.ADMIN,
                        "password", DemoUsers.PASSWORD),
                Map.of("X-Forwarded-For", clientAddress, "User-Agent", userAgent));
        assertEquals(200, signedIn.status(), signedIn.body());
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
