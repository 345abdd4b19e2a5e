package dev.securitycenter.it.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakServer;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Mail;
import dev.securitycenter.it.support.MailingRealm;
import dev.securitycenter.it.support.SourceBoundHttp;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.securitycenter.it.support.Mail.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user hears about a sign-in from a browser or place not seen for them before, and about nothing else: the very
 * first sign-in of an account, the same browser again and the same place again stay silent.
 */
@ExtendWith(KeycloakTestServer.class)
class NewSignInMailIT {

    static final String PASSWORD = "Correct-Horse-42!";
    static final String SUBJECT = "New sign-in to your account";
    static final String LAPTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/126.0.0.0 Safari/537.36";
    static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    private final KeycloakApi api = KeycloakTestServer.api();
    // plain HTTP from addresses outside this machine (the travelling user behind the trusted proxy)
    @RegisterExtension
    final MailingRealm mailing = new MailingRealm("new-sign-in", Map.of("sslRequired", "none"));

    @Test
    void aNewBrowserIsToldButTheFirstSignInAndTheSameBrowserAgainAreNot() throws Exception {
        String userId = mailing.realm().createUser("nico", PASSWORD);
        BrowserSession laptop = new BrowserSession(api.baseUrl(), mailing.realm().name(), LAPTOP);
        laptop.tokens(laptop.signIn("nico", PASSWORD));
        signOutEverywhere(userId);
        BrowserSession.Page again = laptop.open();
        assertTrue(again.hasField("password"), "signed out: the laptop is asked for the password again");
        laptop.tokens(again.submit(Map.of("username", "nico", "password", PASSWORD)));

        BrowserSession phone = new BrowserSession(api.baseUrl(), mailing.realm().name(), PHONE);
        phone.tokens(phone.signIn("nico", PASSWORD));

        List<MimeMessage> mails = Mail.awaitMessage(mailing.smtp(), m -> isNewSignIn(m, "nico"));
        assertEquals(1, mails.stream().filter(m -> isNewSignIn(m, "nico")).count(),
                "one mail, for the phone: the first sign-in and the laptop's return sent none");
        String text = text(mails.get(0));
        assertTrue(text.contains(" on iOS"), text);
        assertTrue(text.contains("IP address: 127.0.0.1"), text);
        List<JsonNode> events = new AuditLog(api, mailing.realm().name()).events("type=auth.new_device_signin");
        assertEquals(1, events.size(), events.toString());
        assertTrue(events.get(0).at("/details/newDevice").asBoolean(), events.toString());
        assertFalse(events.get(0).at("/details/newPlace").asBoolean(), events.toString());
        assertEquals("nico", events.get(0).get("username").asText());
    }

    @Test
    void aSignInFromANewPlaceIsToldAndTheSamePlaceAgainIsNot() throws Exception {
        mailing.realm().createUser("nadia", PASSWORD);
        assertEquals(200, api.passwordGrant(mailing.realm().name(), "nadia", PASSWORD).status());
        SourceBoundHttp proxy = new SourceBoundHttp(api.baseUrl(), KeycloakServer.TRUSTED_PROXY);
        Map<String, String> travelling = Map.of("X-Forwarded-For", "198.51.100.23");

        assertEquals(200, grant(proxy, "nadia", travelling).status());
        assertEquals(200, grant(proxy, "nadia", travelling).status());
        assertEquals(200, api.passwordGrant(mailing.realm().name(), "nadia", PASSWORD).status());

        List<MimeMessage> mails = Mail.awaitMessage(mailing.smtp(), m -> isNewSignIn(m, "nadia"));
        assertEquals(1, mails.stream().filter(m -> isNewSignIn(m, "nadia")).count(),
                "one mail, for the new place: neither the first sign-in nor a known place again sent one");
        String text = text(mails.get(0));
        assertTrue(text.contains("IP address: 198.51.100.23"), text);
        assertTrue(text.contains("198.51.100.0/24"), text);
        JsonNode event = new AuditLog(api, mailing.realm().name()).awaitEvent("auth.new_device_signin", "nadia");
        assertTrue(event.at("/details/newPlace").asBoolean(), event.toString());
        assertEquals("198.51.100.23", event.get("ipAddress").asText());
    }

    @Test
    void withTheRealmSwitchOffNothingIsSentOrRemembered() throws Exception {
        mailing.realm().changePolicy(policy -> policy.withObjectProperty("notifications").put("newSignIn", false));
        mailing.realm().createUser("noor", PASSWORD);
        BrowserSession laptop = new BrowserSession(api.baseUrl(), mailing.realm().name(), LAPTOP);
        laptop.tokens(laptop.signIn("noor", PASSWORD));
        BrowserSession phone = new BrowserSession(api.baseUrl(), mailing.realm().name(), PHONE);
        phone.tokens(phone.signIn("noor", PASSWORD));

        mailing.realm().changePolicy(policy -> policy.withObjectProperty("notifications").put("newSignIn", true));
        // nothing was remembered while the switch was off: this is the first sign-in on record and stays silent
        BrowserSession tablet = new BrowserSession(api.baseUrl(), mailing.realm().name(), PHONE);
        tablet.tokens(tablet.signIn("noor", PASSWORD));
        assertEquals(200, grant(new SourceBoundHttp(api.baseUrl(), KeycloakServer.TRUSTED_PROXY), "noor",
                Map.of("X-Forwarded-For", "203.0.113.99")).status());

        List<MimeMessage> mails = Mail.awaitMessage(mailing.smtp(), m -> isNewSignIn(m, "noor"));
        assertEquals(1, mails.stream().filter(m -> isNewSignIn(m, "noor")).count(),
                "only the new place after the switch came back on is told");
        assertTrue(text(mails.get(0)).contains("203.0.113.99"), text(mails.get(0)));
    }

    private Response grant(SourceBoundHttp from, String username, Map<String, String> headers) {
        return from.postForm("/realms/" + mailing.realm().name() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", username, "password", PASSWORD),
                headers);
    }

    private void signOutEverywhere(String userId) {
        assertEquals(204, api.post(mailing.realm().adminPath() + "/users/" + userId + "/logout",
                api.masterAdminToken(), "")
                .status());
    }

    static boolean isNewSignIn(MimeMessage mail, String username) {
        try {
            return SUBJECT.equals(mail.getSubject()) && Arrays.stream(mail.getAllRecipients())
                    .anyMatch(a -> a.toString().equals(username + "@example.test"));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
