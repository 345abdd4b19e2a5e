package dev.securitycenter.it.account.ui;

import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.securitycenter.it.account.ui.SecurityPageIT.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Profile ▸ Security shows while loading, when the API fails, and for the policy's special cases. */
@ExtendWith(KeycloakTestServer.class)
class SecurityPageStatesIT {

    private static final String API = "*/security-center/account*";

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;
    private SecurityPage page;

    @BeforeEach
    void freshRealmAndBrowser() {
        realm = SecurityPage.realm(api, "account-states");
        browser.signOutEverywhere();
        page = new SecurityPage(browser, realm);
    }

    @AfterEach
    void deleteRealm() {
        devTools("Fetch.disable", Map.of());
        devTools("Network.setBlockedURLs", Map.of("urls", List.of()));
        realm.close();
    }

    @Test
    void loadingThenErrorThenRetry() {
        realm.createUser("lena", PASSWORD);
        page.openAs("lena", PASSWORD);

        // the API's answers are held back: the sections show their placeholders
        devTools("Fetch.enable", Map.of("patterns", List.of(Map.of("urlPattern", API))));
        browser.driver().navigate().refresh();
        browser.waitFor(By.cssSelector("#security-password [aria-busy=true]"));
        browser.waitFor(By.cssSelector("#security-sessions [aria-busy=true]"));
        browser.screenshot("account-loading");
        devTools("Fetch.disable", Map.of());

        // the API cannot be reached
        devTools("Network.enable", Map.of());
        devTools("Network.setBlockedURLs", Map.of("urls", List.of(API)));
        browser.driver().navigate().refresh();
        browser.waitForText("Failed to load security settings");
        browser.screenshot("account-error");

        devTools("Network.setBlockedURLs", Map.of("urls", List.of()));
        browser.click(By.xpath("//button[normalize-space(.)='Retry']"));
        page.section("security-password").findElement(By.id("security-current-password"));
    }

    @Test
    void activityListsTheUsersOwnEventsPageByPage() {
        realm.createUser("max", PASSWORD);
        // eleven sign-ins elsewhere and this one: more than a page of ten
        for (int i = 0; i < 11; i++) {
            assertEquals(200, api.passwordGrant(realm.name(), "max", PASSWORD).status());
        }
        page.openAs("max", PASSWORD);
        browser.click(By.xpath("//button[normalize-space(.)='Activity']"));
        WebElement table = browser.waitFor(By.cssSelector("[data-testid=activity]"));
        browser.until(driver -> table.findElements(By.cssSelector("tbody tr")).size() == 10);
        assertTrue(table.getText().contains("Signed in"), table.getText());
        // the browser is one the account had not signed in from before: that is on record too
        assertTrue(table.getText().contains("Sign-in from a new device or place"), table.getText());
        browser.screenshot("account-activity");

        browser.click(By.cssSelector("[data-action=next]"));
        // twelve sign-ins and the new-device notice: three on the second page, and no third page
        browser.until(driver -> driver.findElements(By.cssSelector("[data-testid=activity] tbody tr")).size() == 3);
        assertFalse(browser.driver().findElement(By.cssSelector("[data-action=next]")).isEnabled());
        browser.screenshot("account-activity-page-2");
    }

    @Test
    void ssoRealmHidesThePasswordForm() {
        realm.createUser("sso", PASSWORD);
        // signed in before the switch: from then on the password is refused at sign-in
        page.openAs("sso", PASSWORD);
        realm.addIdentityProvider("corporate", "Corporate SSO");
        realm.changePolicy(policy -> policy.withObjectProperty("sso").put("required", true));
        browser.driver().navigate().refresh();
        WebElement password = page.section("security-password");
        browser.until(driver -> password.getText().contains("identity provider"));
        assertTrue(password.findElements(By.tagName("input")).isEmpty());
        page.sessionsTable(1);
        browser.screenshot("account-password-sso");
    }

    @Test
    void rotationReminderWhenThePasswordIsDueSoon() {
        realm.createUser("rita", PASSWORD);
        // Keycloak's own expiry rule, closer than any option of the policy form: due in 10 days
        String rules = api.get(realm.adminPath(), api.masterAdminToken()).json().get("passwordPolicy").asText();
        String dueIn10Days = Stream.concat(Arrays.stream(rules.split("\\s+and\\s+"))
                        .filter(rule -> !rule.startsWith("forceExpiredPasswordChange")),
                Stream.of("forceExpiredPasswordChange(10)")).collect(Collectors.joining(" and "));
        realm.update(Map.of("passwordPolicy", dueIn10Days));
        // the sign-in reminds of it first (PasswordExpiryReminderIT); later, the account page still does
        browser.signIn(page.path(), "rita", PASSWORD);
        browser.click(By.id("sc-password-later"));
        page.section("security-password");
        browser.waitForText("Your organization asks you to change your password by");
        browser.screenshot("account-password-rotation-reminder");
    }

    private void devTools(String command, Map<String, Object> parameters) {
        ((ChromeDriver) browser.driver()).executeCdpCommand(command, parameters);
    }
}
