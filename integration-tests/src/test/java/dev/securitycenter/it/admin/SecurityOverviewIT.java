package dev.securitycenter.it.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.DemoUsers;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.RealmManagementRoles;
import dev.securitycenter.it.support.SourceBoundHttp;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The security overview at the top of Settings ▸ Security: its charts and totals over what real sign-ins, failures,
 * a lockout and a refused address left in the audit log, the empty state of a realm with nothing recorded, and the
 * error state when the figures cannot be read.
 */
@ExtendWith(KeycloakTestServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityOverviewIT {

    private static final String PASSWORD = "Correct-Horse-42!";

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private KeycloakApi api;
    private SecuritySettingsPage page;

    @BeforeAll
    void realmWithAMorningOfActivity() {
        api = KeycloakTestServer.api();
        page = SecuritySettingsPage.onCopyWithPasswordsOf(browser, DemoUsers.ADMIN);
        page.applyDefaults();
        TestRealm realm = page.realm;
        realm.changePolicy(policy -> policy.withObjectProperty("lockout").put("maxFailures", 3)
                .put("durationMinutes", 30));
        realm.createUser("lou", PASSWORD);
        realm.createUser("mia", PASSWORD);
        for (int i = 0; i < 4; i++) {
            api.token(realm.name(), "mia", PASSWORD);
        }
        assertEquals(400, api.passwordGrant(realm.name(), "mia", "wrong").status());
        for (int i = 0; i < 3; i++) {
            assertEquals(400, api.passwordGrant(realm.name(), "lou", "wrong-" + i).status());
        }
        AuditLog audit = new AuditLog(api, realm.name());
        audit.awaitEvent("auth.account_locked", "lou");
        // one refused address while the allowlist is on; off again so that the browser's address does not matter
        realm.changePolicy(policy -> policy.withObjectProperty("ipAllowlist").put("enabled", true).putArray("entries")
                .addObject().put("value", "127.0.0.1").put("label", "this machine"));
        KeycloakApi.Response refused = new SourceBoundHttp(api.baseUrl(), "127.0.0.2").postForm(
                "/realms/" + realm.name() + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                        "client_id", "admin-cli", "username", "mia", "password", PASSWORD), Map.of());
        assertEquals(403, refused.status(), refused.body());
        audit.awaitEvent("auth.ip_denied", null);
        realm.changePolicy(policy -> policy.withObjectProperty("ipAllowlist").put("enabled", false));
    }

    @AfterEach
    void signOut() {
        browser.blockUrls();
        browser.signOutEverywhere();
    }

    @AfterAll
    void cleanUp() {
        page.close();
    }

    @Test
    void chartsAndTotalsAreTheAuditLogsDailyCounts() {
        page.signInAsAdmin();
        page.open();
        WebElement overview = browser.waitFor(By.id("sc-overview"));
        browser.waitFor(By.cssSelector("#sc-chart-sign-ins svg"));
        JsonNode stats = api.get(page.realm.adminPath() + "/security-center/stats?days=30", page.admin()).json();
        assertEquals(String.valueOf(total(stats, "auth.login_succeeded")), totalShown("signIns"));
        assertTrue(total(stats, "auth.login_succeeded") >= 5, "mia's four and the admin's: " + stats);
        assertEquals(String.valueOf(total(stats, "auth.login_failed")), totalShown("failedSignIns"));
        assertEquals("1", totalShown("lockouts"));
        assertEquals("1", totalShown("deniedAddresses"));

        // the charts are drawn, each titled for screen readers, its legend naming the series
        assertEquals("Sign-ins per day", browser.driver().findElement(By.cssSelector("#sc-chart-sign-ins svg title"))
                .getAttribute("textContent"));
        String signIns = browser.driver().findElement(By.id("sc-chart-sign-ins")).getText();
        assertTrue(signIns.contains("Sign-ins") && signIns.contains("Failed sign-ins"), signIns);
        String threats = browser.driver().findElement(By.id("sc-chart-threats")).getText();
        assertTrue(threats.contains("Lockouts") && threats.contains("Denied addresses"), threats);
        String adoption = browser.waitFor(By.id("sc-chart-adoption")).getText();
        assertTrue(adoption.contains("Authenticator app"), adoption);
        assertTrue(overview.getText().contains("Last 30 days, by UTC day"), overview.getText());
        browser.screenshot("admin-overview-charts");
    }

    @Test
    void aRealmWithNothingRecordedShowsTheEmptyState() {
        try (TestRealm quiet = TestRealm.create(api, "quiet", Map.of("adminTheme", "security-center"))) {
            assertEquals(200, api.post(quiet.adminPath() + "/security-center/policy/defaults", page.admin(), "")
                    .status());
            // the realm stops recording: its admin's own sign-in below is then no event either
            quiet.update(Map.of("eventsListeners", List.of("jboss-logging")));
            RealmManagementRoles.grant(api, quiet.name(), quiet.createUser("root", PASSWORD), "realm-admin");
            String console = "/admin/" + quiet.name() + "/console/";
            browser.signIn(console, "root", PASSWORD);
            browser.waitFor(By.id("nav-item-security-settings"));
            browser.click(By.id("nav-item-security-settings"));
            WebElement empty = browser.waitFor(By.id("sc-overview-empty"));
            assertTrue(empty.getText().contains("No security activity yet"), empty.getText());
            assertTrue(browser.driver().findElements(By.cssSelector("#sc-overview .sc-overview-chart")).isEmpty(),
                    "no charts");
            browser.screenshot("admin-overview-empty");
        }
    }

    @Test
    void figuresThatCannotBeReadShowAnErrorWithRetry() {
        page.signInAsAdmin();
        browser.blockUrls("*/security-center/stats*");
        page.open();
        WebElement error = browser.waitFor(By.id("sc-overview-error"));
        assertTrue(error.getText().contains("Could not load the security overview"), error.getText());
        // the rest of the page is there
        browser.waitFor(By.id("sc-password"));
        browser.screenshot("admin-overview-error");
        browser.blockUrls();
        browser.click(By.id("sc-overview-retry"));
        browser.waitFor(By.cssSelector("#sc-chart-sign-ins svg"));
    }

    private String totalShown(String activity) {
        return browser.waitFor(By.cssSelector("#sc-total-" + activity + " dd")).getText().trim();
    }

    private static long total(JsonNode stats, String type) {
        long total = 0;
        for (JsonNode day : stats.get("daily")) {
            total += day.get("counts").path(type).asLong(0);
        }
        return total;
    }
}
