package dev.securitycenter.it.admin;

import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.DemoUsers;
import dev.securitycenter.it.support.KeycloakTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** An Acme admin signs in to Acme's own admin console, which is the Security Center console, through the login page. */
@ExtendWith(KeycloakTestServer.class)
class AdminConsoleSignInIT {

    @RegisterExtension
    static final Chromium browser = new Chromium();

    @Test
    void adminSignsInThroughTheLoginPageAndGetsTheConsole() {
        browser.signIn("/admin/acme/console/", DemoUsers.ADMIN, DemoUsers.PASSWORD);
        browser.waitFor(By.id("nav-item-users"));
        assertTrue(browser.driver().getCurrentUrl().contains("/admin/acme/console/"), browser.driver().getCurrentUrl());
        browser.screenshot("admin-console-signed-in");
    }
}
