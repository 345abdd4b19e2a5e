package dev.securitycenter.it.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.DemoUsers;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.Set;

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

    private SecuritySettingsPage(Chromium browser, TestRealm realm) {
        this.browser = browser;
        this.realm = realm;
    }

    /** A new copy of the demo realm, never set up (the page's empty state), every user with their password. */
    static SecuritySettingsPage onFullCopy(Chromium browser) {
        return new SecuritySettingsPage(browser, TestRealm.copyOf(KeycloakTestServer.api(), DemoUsers.REALM, "ui"));
    }

    /**
     * The same, but only the users the test signs in as have a password: the others are there with their roles
     * and second factors, which is all the page counts, and leaving out their passwords makes the copy seconds
     * faster (Keycloak hashes each one on import). Not for previews that count unchecked passwords.
     */
    static SecuritySettingsPage onCopyWithPasswordsOf(Chromium browser, String... signingIn) {
        return new SecuritySettingsPage(browser, TestRealm.copyWithPasswordsOf(KeycloakTestServer.api(),
                DemoUsers.REALM, "ui", Set.of(signingIn)));
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

    /**
     * Shows the page with what the server holds now: inside a console already loaded, by going to Users and back
     * as a person would (the page fetches everything again when it mounts, and that is much cheaper than
     * reloading the whole console); otherwise by loading it.
     */
    void open() {
        if (browser.driver().getCurrentUrl().contains(console())) {
            browser.click(By.id("nav-item-users"));
            browser.waitUntilGone(By.id("sc-settings"));
            browser.click(By.id("nav-item-security-settings"));
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
