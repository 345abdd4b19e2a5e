package dev.securitycenter.it.admin;

import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.DemoUsers;
import dev.securitycenter.it.support.KeycloakTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our pages look like the stock console around them: buttons and fields at the stock size, toasts below the masthead
 * rather than over its menus, PatternFly icons rather than typed symbols on "add" buttons.
 */
@ExtendWith(KeycloakTestServer.class)
class ConsoleLookIT {

    private static final By TOAST = By.cssSelector(".pf-v5-c-alert-group.pf-m-toast .pf-v5-c-alert");
    private static final By MASTHEAD = By.cssSelector(".pf-v5-c-masthead");

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private static SecuritySettingsPage page;

    @BeforeAll
    static void copyOfTheDemoRealm() {
        page = SecuritySettingsPage.onCopyWithPasswordsOf(browser, DemoUsers.ADMIN);
    }

    @AfterAll
    static void deleteRealm() {
        page.close();
    }

    @BeforeEach
    void signedIn() {
        browser.signOutEverywhere();
        page.signInAsAdmin();
    }

    @Test
    void toastsAppearBelowTheMasthead() {
        page.applyDefaults();
        page.open();
        browser.click(By.id("sc-notify-admin-each-lockout"));
        browser.click(By.id("sc-save"));
        WebElement toast = browser.waitFor(TOAST);
        int mastheadBottom = browser.driver().findElement(MASTHEAD).getRect().getY()
                + browser.driver().findElement(MASTHEAD).getRect().getHeight();
        assertTrue(toast.getRect().getY() >= mastheadBottom,
                "toast at y=" + toast.getRect().getY() + " overlaps the masthead ending at " + mastheadBottom);
        browser.screenshot("admin-toast-below-masthead");
    }

    @Test
    void controlsHaveTheStockConsolesSize() {
        browser.click(By.id("nav-item-users"));
        WebElement stockButton = browser.waitFor(By.xpath("//button[normalize-space(.)='Add user']"));
        WebElement stockSearch = browser.waitFor(By.cssSelector(".pf-v5-c-text-input-group__text-input,"
                + " .pf-v5-c-search-input input"));
        int buttonHeight = stockButton.getRect().getHeight();
        int fieldHeight = stockSearch.getRect().getHeight();

        page.applyDefaults();
        page.open();
        WebElement save = browser.waitFor(By.id("sc-save"));
        assertEquals(buttonHeight, save.getRect().getHeight(), "Save is as tall as the stock Add user button");
        List<WebElement> selects = browser.driver().findElements(By.cssSelector("#sc-settings select"));
        assertTrue(!selects.isEmpty(), "the page has selects");
        for (WebElement select : selects) {
            assertTrue(select.getRect().getHeight() <= fieldHeight + 2,
                    select.getAttribute("id") + " is " + select.getRect().getHeight() + " px tall, the stock field "
                            + fieldHeight);
        }
        List<String> typedPlus = browser.driver().findElements(By.cssSelector("#sc-settings button")).stream()
                .map(WebElement::getText).map(String::trim).filter(text -> text.startsWith("+")).toList();
        assertEquals(List.of(), typedPlus, "buttons with a typed \"+\" instead of an icon");
    }
}
