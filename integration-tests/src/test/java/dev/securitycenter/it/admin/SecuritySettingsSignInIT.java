package dev.securitycenter.it.admin;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who must use what to sign in, on Settings ▸ Security: the admin roles of Required (Admins) picked from the realm's
 * roles and Keycloak's administration roles, and "SSO required", offered once the realm has an identity provider;
 * also the way from the stock user details page to a user's sessions.
 */
@ExtendWith(KeycloakTestServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuritySettingsSignInIT {

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private SecuritySettingsPage page;

    @BeforeAll
    void signedInAdmin() {
        page = SecuritySettingsPage.onCopyWithPasswordsOf(browser, DemoUsers.ADMIN);
        page.signInAsAdmin();
    }

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
    void requiredForAdminsTakesTheRolesPicked() {
        browser.click(By.id("sc-mfa-REQUIRED_ADMINS"));
        WebElement chosen = browser.waitFor(By.id("sc-mfa-admin-roles-chosen"));
        assertTrue(chosen.getText().contains("Super Admin") && chosen.getText().contains("Admin"), chosen.getText());

        browser.click(By.id("sc-mfa-admin-roles"));
        browser.click(By.cssSelector("[data-role='realm-management.manage-users']"));
        browser.click(By.id("sc-mfa-admin-roles"));
        browser.until(d -> d.findElement(By.id("sc-mfa-admin-roles-chosen")).getText().contains("manage-users"));
        browser.waitForText("1 admin without 2FA will have to set it up at their next sign-in.");
        browser.scrollTo(browser.waitFor(By.id("sc-mfa")));
        browser.screenshot("admin-mfa-admin-roles");

        browser.click(By.id("sc-save"));
        browser.waitFor(By.id("sc-confirm-save"));
        browser.click(By.id("sc-confirm-save-confirm"));
        browser.until(d -> "REQUIRED_ADMINS".equals(page.policy().at("/mfa/enforcement").asText()));
        // in the picker's order: realm roles, then administration roles
        assertEquals(List.of("Admin", "Super Admin", "realm-management.manage-users"),
                values(page.policy().at("/mfa/adminRoles")));
    }

    @Test
    void withNoRoleChosenThePageSaysWhoTheAdminsAre() {
        browser.click(By.id("sc-mfa-REQUIRED_ADMINS"));
        for (String role : List.of("Super Admin", "Admin")) {
            browser.click(By.cssSelector("#sc-mfa-admin-roles-chosen [data-role='" + role + "'] button"));
        }
        WebElement help = browser.waitFor(By.id("sc-mfa-admin-roles-default"));
        assertTrue(help.getText().contains("manage-realm (realm-management), manage-users (realm-management),"
                + " realm-admin (realm-management)"), help.getText());
        browser.click(By.id("sc-save"));
        browser.waitFor(By.id("sc-confirm-save"));
        browser.click(By.id("sc-confirm-save-confirm"));
        browser.until(d -> "REQUIRED_ADMINS".equals(page.policy().at("/mfa/enforcement").asText()));
        assertEquals(List.of(), values(page.policy().at("/mfa/adminRoles")));
    }

    @Test
    void ssoRequiredIsOfferedOnceTheRealmHasAnIdentityProvider() {
        assertTrue(browser.driver().findElements(By.id("sc-sso")).isEmpty(), "no identity provider, no switch");
        page.realm.addIdentityProvider("corporate", "Corporate SSO");
        try {
            page.open();
            browser.click(By.cssSelector("label[for=sc-sso-required]"));
            WebElement warning = browser.waitForText("users will sign in through Corporate SSO.");
            assertTrue(warning.getText().matches("\\d+ users will sign in through Corporate SSO\\."),
                    warning.getText());
            browser.waitFor(By.id("sc-sso-break-glass"));
            browser.scrollTo(browser.waitFor(By.id("sc-sso")));
            browser.screenshot("admin-sso-required");

            browser.click(By.id("sc-save"));
            browser.waitFor(By.id("sc-confirm-save"));
            browser.click(By.id("sc-confirm-save-confirm"));
            browser.until(d -> page.policy().at("/sso/required").asBoolean());

            browser.signOutEverywhere();
            browser.open("/realms/" + page.realm.name() + "/account/");
            browser.waitFor(By.id("social-corporate"));
            assertTrue(browser.driver().findElement(By.id("sc-break-glass")).getAttribute("open") == null,
                    "the password form is folded away");
            browser.screenshot("login-sso-required");
        } finally {
            page.applyDefaults();
            page.api.delete(page.realm.adminPath() + "/identity-provider/instances/corporate", page.admin());
            browser.signOutEverywhere();
            page.signInAsAdmin();
        }
    }

    @Test
    void theStockUserPageLeadsToTheUsersSessions() {
        String userId = page.api.get(page.realm.adminPath() + "/users?username=" + DemoUsers.ADMIN + "&exact=true",
                page.admin()).json().get(0).get("id").asText();
        browser.open(page.console() + "#/" + page.realm.name() + "/users/" + userId + "/settings");
        browser.click(By.id("sc-user-security-link"));
        browser.waitFor(By.id("sc-user-sessions"));
        browser.until(d -> !d.findElements(By.cssSelector("#sc-user-sessions .sc-user-session")).isEmpty());
        assertTrue(browser.waitFor(By.id("sc-user-sessions")).getText().contains("127.0.0.1"),
                "the admin's own browser session, with its address");
        browser.screenshot("admin-user-security");
        browser.click(By.id("sc-back-to-user"));
        browser.waitFor(By.id("sc-user-security-link"));
    }

    private static List<String> values(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
