package dev.securitycenter.it.password;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * From 14 days before the realm's password expiry forces a change, a browser sign-in shows "Your password expires
 * in N days" (Change now / Remind me later) at most once a day; token requests never see it.
 */
@ExtendWith(KeycloakTestServer.class)
class PasswordExpiryReminderIT {

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private static final String PASSWORD = "Quartz-Lantern-Ferry-81!";
    private static final String NEW_PASSWORD = "vT7#qLp2-Xw9!rZm4$Kd";
    /** A password set now expires in this many days: inside the reminder's 14-day window from the start. */
    private static final int EXPIRY_DAYS = 10;
    private static final By REMINDER = By.id("sc-password-expiry");
    private static final By SECURITY_PAGE = By.id("security-password");

    private static KeycloakApi api;
    private static TestRealm realm;

    @BeforeAll
    static void realmWhosePasswordsExpireInTenDays() {
        api = KeycloakTestServer.api();
        realm = recommendedPolicy("expiry-reminder");
        realm.changePolicy(doc -> doc.withObjectProperty("password").put("expiryDays", EXPIRY_DAYS));
        assertTrue(api.get(realm.adminPath(), api.masterAdminToken()).json().get("passwordPolicy").asText()
                .contains("forceExpiredPasswordChange(" + EXPIRY_DAYS + ")"), "Keycloak's own expiry decides");
    }

    @AfterAll
    static void deleteRealm() {
        realm.close();
    }

    @BeforeEach
    void signedOut() {
        browser.signOutEverywhere();
    }

    @Test
    void shownOnceADayAndSkippableButNeverToTokenRequests() {
        realm.createUser("rita", PASSWORD);
        // a script's token request neither stops at the page nor uses up the day's reminder
        Response grant = api.passwordGrant(realm.name(), "rita", PASSWORD);
        assertEquals(200, grant.status(), grant.body());

        browser.signIn(securityPage(realm), "rita", PASSWORD);
        browser.waitFor(REMINDER);
        String text = browser.visibleText();
        assertTrue(text.contains("Your password expires in " + EXPIRY_DAYS + " days"), text);
        assertTrue(text.contains("Change now") && text.contains("Remind me later"), text);
        browser.screenshot("login-password-expiry-reminder");

        browser.click(By.id("sc-password-later"));
        browser.waitFor(SECURITY_PAGE);
        // the account page's banner reads the same window from the server
        browser.waitForText("Your organization asks you to change your password by");

        browser.signOutEverywhere();
        browser.signIn(securityPage(realm), "rita", PASSWORD);
        browser.waitFor(SECURITY_PAGE);
        assertTrue(browser.driver().findElements(REMINDER).isEmpty(), "shown once a day, not at every sign-in");
        assertEquals(200, api.passwordGrant(realm.name(), "rita", PASSWORD).status());
    }

    @Test
    void changeNowLeadsToKeycloaksUpdatePasswordPage() {
        realm.createUser("sam", PASSWORD);
        browser.signIn(securityPage(realm), "sam", PASSWORD);
        browser.waitFor(REMINDER);
        browser.click(By.id("sc-password-change"));

        browser.type(browser.waitFor(By.id("password-new")), NEW_PASSWORD);
        browser.type(browser.driver().findElement(By.id("password-confirm")), NEW_PASSWORD);
        browser.driver().findElement(By.cssSelector("form [type=submit]")).click();
        browser.waitFor(SECURITY_PAGE);
        assertTrue(browser.driver().findElements(REMINDER).isEmpty(), "the new password is not reminded of");

        new AuditLog(api, realm.name()).awaitEvent("auth.password_changed", "sam");
        assertEquals(200, api.passwordGrant(realm.name(), "sam", NEW_PASSWORD).status());
        Response old = api.passwordGrant(realm.name(), "sam", PASSWORD);
        assertEquals("invalid_grant", old.json().get("error").asText(), "the old one is gone: " + old.body());
    }

    @Test
    void notShownWhileExpiryIsFartherThanTwoWeeks() {
        try (TestRealm ninetyDays = recommendedPolicy("expiry-far")) {
            JsonNode policy = api.get(ninetyDays.adminPath() + "/security-center/policy", api.masterAdminToken())
                    .json();
            assertEquals(90, policy.at("/password/expiryDays").asInt(), policy.toString());
            ninetyDays.createUser("tom", PASSWORD);
            browser.signIn(securityPage(ninetyDays), "tom", PASSWORD);
            browser.waitFor(SECURITY_PAGE);
            assertTrue(browser.driver().findElements(REMINDER).isEmpty());
            assertFalse(browser.visibleText().contains("Your organization asks you to change your password"),
                    browser.visibleText());
        }
    }

    /** The Security Center themes and "Set up security defaults" (90-day expiry, 2FA optional). */
    private static TestRealm recommendedPolicy(String prefix) {
        TestRealm created = TestRealm.create(api, prefix, Map.of("accountTheme", "security-center",
                "loginTheme", "security-center"));
        Response defaults = api.post(created.adminPath() + "/security-center/policy/defaults",
                api.masterAdminToken(), "");
        assertEquals(200, defaults.status(), defaults.body());
        return created;
    }

    private static String securityPage(TestRealm target) {
        return "/realms/" + target.name() + "/account/security";
    }
}
