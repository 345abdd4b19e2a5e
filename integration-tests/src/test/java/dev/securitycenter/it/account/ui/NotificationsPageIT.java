package dev.securitycenter.it.account.ui;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Mail;
import dev.securitycenter.it.support.TestRealm;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.securitycenter.it.account.ui.SecurityPageIT.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Profile ▸ Notifications in the browser: the recognised devices with "Forget this device", the new-sign-in choice
 * and the credential-change mails shown as always on; also photographs the mail and the "This wasn't me" pages.
 */
@ExtendWith(KeycloakTestServer.class)
class NotificationsPageIT {

    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private final KeycloakApi api = KeycloakTestServer.api();
    private GreenMail smtp;
    private TestRealm realm;

    @BeforeEach
    void realmWithMail() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        realm = SecurityPage.realm(api, "notifications-page");
        realm.useSmtp(smtp.getSmtp().getPort());
        browser.signOutEverywhere();
    }

    @AfterEach
    void cleanUp() {
        realm.close();
        smtp.stop();
    }

    @Test
    void devicesAreListedAndForgottenAndTheChoicesSaved() throws Exception {
        realm.createUser("uma", PASSWORD);
        BrowserSession phone = new BrowserSession(api.baseUrl(), realm.name(), PHONE);
        phone.tokens(phone.signIn("uma", PASSWORD));
        browser.signIn("/realms/" + realm.name() + "/account/notifications", "uma", PASSWORD);

        By rows = By.cssSelector("[data-testid=devices] tbody tr");
        browser.until(driver -> driver.findElements(rows).size() == 2);
        browser.waitForText("Your organisation always sends these");
        // a switch's checkbox is visually hidden behind its toggle: look it up rather than wait for it to show
        assertTrue(browser.driver().findElement(By.id("notifications-credential-changes")).getAttribute("disabled")
                != null, "credential-change mails cannot be turned off while the organisation sends them");
        assertTrue(browser.driver().findElement(By.id("notifications-new-sign-in")).isSelected());
        browser.screenshot("account-notifications");

        browser.click(By.xpath("//button[@aria-label='Forget Mobile Safari on iOS']"));
        browser.until(driver -> driver.findElements(rows).size() == 1);
        assertFalse(browser.driver().findElement(By.cssSelector("[data-testid=devices]")).getText()
                .contains("iOS"));
        browser.click(By.cssSelector("label[for=notifications-new-sign-in]"));
        browser.waitForText("Your choice was saved.");
        String token = api.token(realm.name(), "uma", PASSWORD);
        assertFalse(api.get("/realms/" + realm.name() + "/security-center/account/notifications", token).json()
                .at("/newSignIn/enabled").asBoolean());

        MimeMessage mail = Mail.awaitMessage(smtp, m -> subject(m).equals("New sign-in to your account")).stream()
                .filter(m -> subject(m).equals("New sign-in to your account")).findFirst().orElseThrow();
        photographMail(mail, "mail-new-sign-in");
        String link = Mail.plainText(mail).lines().filter(l -> l.startsWith("This wasn't me: "))
                .map(l -> l.substring("This wasn't me: ".length())).findFirst().orElseThrow();
        browser.driver().get(link);
        browser.waitFor(By.id("sc-report-confirm"));
        browser.screenshot("this-wasnt-me-confirm");
        browser.click(By.id("sc-report-confirm"));
        browser.waitForText("Your account is secured");
        assertTrue(browser.driver().findElements(By.id("sc-report-confirm")).isEmpty(), "the question is gone");
        browser.screenshot("this-wasnt-me-done");
        browser.driver().get(link);
        browser.waitForText("This link has already been used");
        browser.screenshot("this-wasnt-me-used");
        String admin = api.masterAdminToken();
        String user = api.get(realm.adminPath() + "/users?username=uma&exact=true", admin).json().get(0).get("id")
                .asText();
        assertEquals(0, api.get(realm.adminPath() + "/users/" + user + "/sessions", admin).json().size(),
                "the browser's own session ended with the others");
    }

    /** Shows a mail's HTML part as a mail client would and photographs it. */
    private void photographMail(MimeMessage mail, String name) throws Exception {
        Path file = Path.of(System.getProperty("it.screenshot.dir")).resolve(name + ".html");
        Files.createDirectories(file.getParent());
        Files.writeString(file, html(mail), StandardCharsets.UTF_8);
        browser.driver().get(file.toUri().toString());
        browser.waitFor(By.tagName("body"));
        browser.screenshot(name);
        Files.delete(file);
    }

    private static String html(Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String html = html(body);
                if (html != null) {
                    return html;
                }
            }
        }
        return null;
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
