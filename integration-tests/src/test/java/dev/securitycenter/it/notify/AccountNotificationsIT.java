package dev.securitycenter.it.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Mail;
import dev.securitycenter.it.support.MailingRealm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.Map;

import static dev.securitycenter.it.notify.NewSignInMailIT.LAPTOP;
import static dev.securitycenter.it.notify.NewSignInMailIT.PASSWORD;
import static dev.securitycenter.it.notify.NewSignInMailIT.PHONE;
import static dev.securitycenter.it.notify.NewSignInMailIT.isNewSignIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user's own notification settings through the account API: the recognised browsers, turning new-sign-in mails
 * off (and the credential-change mails they cannot turn off), and forgetting a browser so its next sign-in is told.
 */
@ExtendWith(KeycloakTestServer.class)
class AccountNotificationsIT {

    private final KeycloakApi api = KeycloakTestServer.api();
    @RegisterExtension
    final MailingRealm mailing = new MailingRealm("account-notifications");

    @Test
    void aUserSeesTheirBrowsersOptsOutAndForgetsOne() {
        String userId = mailing.realm().createUser("olga", PASSWORD);
        BrowserSession laptop = new BrowserSession(api.baseUrl(), mailing.realm().name(), LAPTOP);
        String token = laptop.tokens(laptop.signIn("olga", PASSWORD)).get("access_token").asText();
        BrowserSession phone = new BrowserSession(api.baseUrl(), mailing.realm().name(), PHONE);
        phone.tokens(phone.signIn("olga", PASSWORD));
        Mail.awaitMessage(mailing.smtp(), m -> isNewSignIn(m, "olga"));

        JsonNode own = ok(api.get(path(""), token));
        assertTrue(own.at("/newSignIn/offered").asBoolean() && own.at("/newSignIn/enabled").asBoolean(), own.toString());
        assertFalse(own.at("/newSignIn/enforced").asBoolean());
        assertTrue(own.at("/credentialChanges/enforced").asBoolean(), "password and 2FA mails cannot be turned off");
        assertEquals(2, own.get("devices").size(), own.toString());
        String laptopId = deviceId(own, "Chrome on Linux");

        assertEquals(400, api.put(path(""), token, Map.of("newSignIn", "no")).status());
        assertFalse(ok(api.put(path(""), token, Map.of("newSignIn", false))).at("/newSignIn/enabled").asBoolean());
        BrowserSession tablet = new BrowserSession(api.baseUrl(), mailing.realm().name(), PHONE);
        tablet.tokens(tablet.signIn("olga", PASSWORD));
        new AuditLog(api, mailing.realm().name()).awaitEvent("auth.new_device_signin", "olga",
                e -> e.at("/details/newDevice").asBoolean() && mails("olga") == 1);

        assertTrue(ok(api.put(path(""), token, Map.of("newSignIn", true))).at("/newSignIn/enabled").asBoolean());
        assertEquals(200, api.delete(path("/devices/" + laptopId), token).status());
        assertEquals(404, api.delete(path("/devices/" + laptopId), token).status(), "already forgotten");
        assertEquals(2, ok(api.get(path(""), token)).get("devices").size(), "the phone and the tablet remain");
        assertEquals(204, api.post(mailing.realm().adminPath() + "/users/" + userId + "/logout",
                api.masterAdminToken(), "")
                .status());
        laptop.tokens(laptop.open().submit(Map.of("username", "olga", "password", PASSWORD)));

        Mail.awaitMessage(mailing.smtp(), m -> mails("olga") == 2);
        assertEquals(2, mails("olga"), "the phone, then the forgotten laptop; the tablet came while opted out");
    }

    @Test
    void withTheRealmSwitchOffThereIsNothingToChoose() {
        mailing.realm().changePolicy(policy -> policy.withObjectProperty("notifications").put("newSignIn", false));
        mailing.realm().createUser("pia", PASSWORD);
        String token = api.token(mailing.realm().name(), "pia", PASSWORD);
        JsonNode own = ok(api.get(path(""), token));
        assertFalse(own.at("/newSignIn/offered").asBoolean(), own.toString());
        Response refused = api.put(path(""), token, Map.of("newSignIn", true));
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.body().contains("newSignIn"), refused.body());
    }

    private long mails(String username) {
        return Arrays.stream(mailing.smtp().getReceivedMessages()).filter(m -> isNewSignIn(m, username)).count();
    }

    private static String deviceId(JsonNode own, String name) {
        for (JsonNode device : own.get("devices")) {
            if (device.get("name").asText().equals(name)) {
                return device.get("id").asText();
            }
        }
        throw new AssertionError("No device " + name + " in " + own);
    }

    private String path(String rest) {
        return "/realms/" + mailing.realm().name() + "/security-center/account/notifications" + rest;
    }

    private static JsonNode ok(Response response) {
        assertEquals(200, response.status(), response.body());
        return response.json();
    }
}
