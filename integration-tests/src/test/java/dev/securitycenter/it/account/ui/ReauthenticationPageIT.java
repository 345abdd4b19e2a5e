package dev.securitycenter.it.account.ui;

import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.Map;

import static dev.securitycenter.it.account.ui.SecurityPageIT.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Profile ▸ Security sends a user whose sign-in is too old for adding an app through Keycloak's sign-in and back. */
@ExtendWith(KeycloakTestServer.class)
class ReauthenticationPageIT {

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;
    private SecurityPage page;

    @BeforeEach
    void strictRealm() {
        realm = SecurityPage.realm(api, "account-reauth-ui");
        Response configured = api.put(realm.adminPath() + "/authentication/required-actions/CONFIGURE_TOTP/config",
                api.masterAdminToken(), Map.of("config", Map.of("max_auth_age", "3")));
        assertEquals(204, configured.status(), configured.body());
        browser.signOutEverywhere();
        page = new SecurityPage(browser, realm);
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void anOldSignInIsAskedForThePasswordAgainThenTheWizardWorks() throws InterruptedException {
        realm.createUser("ruth", PASSWORD);
        page.openAs("ruth", PASSWORD);
        Thread.sleep(4_000); // the realm counts a sign-in as recent for 3 seconds

        generate();
        WebElement password = browser.waitFor(By.id("password"));
        assertTrue(browser.driver().getCurrentUrl().contains("prompt=login")
                || browser.driver().getCurrentUrl().contains("login-actions"), browser.driver().getCurrentUrl());
        // Keycloak may show the username again (filled in) or ask for the password alone
        browser.driver().findElements(By.id("username")).stream()
                .filter(u -> u.isEnabled() && u.getDomProperty("value").isBlank())
                .forEach(u -> browser.type(u, "ruth"));
        browser.type(password, PASSWORD);
        browser.driver().findElement(By.id("kc-login")).click();

        page.section("security-two-factor");
        generate();
        browser.waitFor(By.cssSelector("[role=dialog] img"));
        assertTrue(!browser.waitFor(By.cssSelector("[data-testid=totp-secret] input")).getDomProperty("value")
                .isBlank(), "after signing in again the QR code is there");
    }

    private void generate() {
        browser.scrollTo(page.section("security-two-factor"));
        browser.click(By.xpath("//button[normalize-space(.)='Set up authenticator app']"));
        WebElement wizard = browser.waitFor(By.cssSelector("[role=dialog]"));
        wizard.findElement(By.xpath(".//button[normalize-space(.)='Generate']")).click();
    }
}
