package dev.securitycenter.it.account.ui;

import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The account console's Security page as the browser tests see it. */
final class SecurityPage {

    private final Chromium browser;
    private final TestRealm realm;

    SecurityPage(Chromium browser, TestRealm realm) {
        this.browser = browser;
        this.realm = realm;
    }

    /** A realm on the Security Center themes with the recommended policy (12 characters, all classes, 2FA optional). */
    static TestRealm realm(KeycloakApi api, String prefix) {
        TestRealm realm = TestRealm.create(api, prefix, Map.of(
                "accountTheme", "security-center",
                "loginTheme", "security-center"));
        Response defaults = api.post(realm.adminPath() + "/security-center/policy/defaults", api.masterAdminToken(), "");
        assertEquals(200, defaults.status(), defaults.body());
        return realm;
    }

    String path() {
        return "/realms/" + realm.name() + "/account/security";
    }

    /** Signs in on Keycloak's login page and waits for the Security page to show its sections. */
    void openAs(String username, String password) {
        browser.signIn(path(), username, password);
        section("security-password");
    }

    /** Signs the user in on another device (plain HTTP, its own cookies) and returns that session's refresh token. */
    String signInElsewhere(String username, String password, String userAgent) {
        BrowserSession device = new BrowserSession(KeycloakTestServer.api().baseUrl(), realm.name(), userAgent);
        return device.tokens(device.signIn(username, password)).get("refresh_token").asText();
    }

    WebElement section(String id) {
        return browser.waitFor(By.id(id));
    }

    /** Waits until the sessions table lists exactly this many sessions. */
    WebElement sessionsTable(int rows) {
        By rowLocator = By.cssSelector("[data-testid=sessions] tbody tr");
        browser.until(driver -> driver.findElements(rowLocator).size() == rows);
        return browser.waitFor(By.cssSelector("[data-testid=sessions]"));
    }

    WebElement sessionRowContaining(String text) {
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("[data-testid=sessions] tbody tr"));
        return rows.stream().filter(row -> row.getText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("No session row with " + text + " in "
                        + rows.stream().map(WebElement::getText).toList()));
    }

    /** Whether a refresh token of the account console no longer gets new tokens (its session is gone). */
    boolean refreshFails(String refreshToken) {
        Response refresh = KeycloakTestServer.api().postForm(
                "/realms/" + realm.name() + "/protocol/openid-connect/token", Map.of(
                        "grant_type", "refresh_token", "client_id", "account-console",
                        "refresh_token", refreshToken));
        return refresh.status() == 400;
    }
}
