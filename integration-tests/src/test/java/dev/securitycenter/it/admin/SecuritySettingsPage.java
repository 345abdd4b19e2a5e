package dev.securitycenter.it.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.DemoUsers;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Settings ▸ Security in the admin console of a fresh copy of the demo realm (same roles, 45 users, 12 with TOTP),
 * so that each test class starts from a state of its own and the shared {@code acme} realm stays untouched. What
 * the page shows is checked against the server through the admin REST API, as the master admin.
 */
final class SecuritySettingsPage implements AutoCloseable {

    final KeycloakApi api = KeycloakTestServer.api();
    final TestRealm realm;
    private final Chromium browser;

    private SecuritySettingsPage(Chromium browser) {
        this.browser = browser;
        this.realm = TestRealm.copyOf(api, DemoUsers.REALM, "ui");
    }

    /** A new copy of the demo realm, never set up (the page's empty state). */
    static SecuritySettingsPage onNewRealm(Chromium browser) {
        return new SecuritySettingsPage(browser);
    }

    /** A new copy of the demo realm with the recommended policy applied through the API. */
    static SecuritySettingsPage onRealmWithDefaults(Chromium browser) {
        SecuritySettingsPage page = new SecuritySettingsPage(browser);
        page.applyDefaults();
        return page;
    }

    String console() {
        return "/admin/" + realm.name() + "/console/";
    }

    String path() {
        return console() + "#/" + realm.name() + "/security-settings";
    }

    void signInAsAdmin() {
        browser.signIn(console(), DemoUsers.ADMIN, DemoUsers.PASSWORD);
        browser.waitFor(By.id("nav-item-security-settings"));
    }

    /** Loads the page afresh (a reload when it is showing already) and waits until the settings are there. */
    void open() {
        if (browser.driver().getCurrentUrl().endsWith(path())) {
            browser.driver().navigate().refresh();
        } else {
            browser.open(path());
        }
        browser.waitFor(By.id("sc-settings"));
    }

    Select select(String id) {
        return new Select(browser.waitFor(By.id(id)));
    }

    /** The recommended policy, saved by the master admin: 12 characters, 30 minutes idle, 2FA optional, 5 tries. */
    void applyDefaults() {
        KeycloakApi.Response applied = api.post(realm.adminPath() + "/security-center/policy/defaults", admin(), "");
        assertEquals(200, applied.status(), applied.body());
    }

    String admin() {
        return api.masterAdminToken();
    }

    JsonNode policy() {
        return api.get(realm.adminPath() + "/security-center/policy", admin()).json();
    }

    @Override
    public void close() {
        realm.close();
    }
}
