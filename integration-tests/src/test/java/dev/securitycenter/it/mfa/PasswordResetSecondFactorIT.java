package dev.securitycenter.it.mfa;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.BrowserSession.Page;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.MailingRealm;
import dev.securitycenter.it.support.Mail;
import dev.securitycenter.it.support.SecondFactors;
import dev.securitycenter.it.support.SmsGateway;
import dev.securitycenter.it.support.TestRealm;
import dev.securitycenter.it.support.Totp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ASVS 6.4.3: resetting a forgotten password by email does not bypass the second factor. The emailed link alone
 * neither sets a password nor opens a session; the user's second factor (any method the policy allows them) comes
 * first, and the factor is still there afterwards.
 */
@ExtendWith(KeycloakTestServer.class)
class PasswordResetSecondFactorIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final String NEW_PASSWORD = "Another-Horse-43!";
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36";
    private static final String SECRET = "ResetSecondFactor01";
    private static final Pattern RESET_LINK = Pattern.compile("(https?://\\S+/login-actions/action-token\\?\\S+)");

    private final KeycloakApi api = KeycloakTestServer.api();
    private final SmsGateway sms = KeycloakTestServer.server().smsGateway();
    @RegisterExtension
    final MailingRealm mailing = new MailingRealm("mfa-reset", Map.of("resetPasswordAllowed", true));

    @Test
    void resetLinkAsksForTheAuthenticatorAppBeforeTheNewPassword() throws Exception {
        methods("TOTP");
        String userId = realm().createUser("ivy", PASSWORD, List.of(SecondFactors.totp(SECRET)));
        BrowserSession browser = new BrowserSession(api.baseUrl(), realm().name(), UA);

        Page afterLink = followResetLink(browser, "ivy");
        assertTrue(afterLink.hasField("otp"), "the link leads to the second factor: " + afterLink.body());
        assertFalse(afterLink.hasField("password-new"), "no new password before the second factor");
        assertEquals(0, sessions(userId), "the link alone opens no session");

        Page wrong = afterLink.submit(Map.of("otp", "000000"));
        assertTrue(wrong.hasField("otp"), "a wrong code gets the code page again: " + wrong.body());
        assertFalse(wrong.hasField("password-new"));

        Page newPassword = wrong.submit(Map.of("otp", Totp.unusedCode(SECRET)));
        assertTrue(newPassword.hasField("password-new"), newPassword.body());
        Page done = newPassword.submit(Map.of("password-new", NEW_PASSWORD, "password-confirm", NEW_PASSWORD));
        assertNotNull(browser.tokens(done).get("access_token"));
        assertEquals(1, api.get(realm().adminPath() + "/users/" + userId + "/credentials", api.masterAdminToken())
                .json().findValues("type").stream().filter(t -> "otp".equals(t.asText())).count(),
                "the reset keeps the authenticator app");
    }

    @Test
    void smsOnlyUserPassesTheirCodeBeforeTheNewPassword() throws Exception {
        methods("SMS");
        String userId = realm().createUser("jon", PASSWORD, List.of(SecondFactors.sms("+15550000077")));
        BrowserSession browser = new BrowserSession(api.baseUrl(), realm().name(), UA);

        Page afterLink = followResetLink(browser, "jon");
        assertTrue(afterLink.hasField("code"), "the link leads to the SMS code: " + afterLink.body());
        assertFalse(afterLink.hasField("password-new"));
        assertEquals(0, sessions(userId));

        Page newPassword = afterLink.submit(Map.of("code", sms.awaitCode("+15550000077", 1)));
        assertTrue(newPassword.hasField("password-new"), newPassword.body());
        Page done = newPassword.submit(Map.of("password-new", NEW_PASSWORD, "password-confirm", NEW_PASSWORD));
        assertNotNull(browser.tokens(done).get("access_token"));
    }

    /** "Forgot password?" on the sign-in page, the username, then the link of the mail, in the same browser. */
    private Page followResetLink(BrowserSession browser, String username) throws Exception {
        Page form = browser.visit(browser.open().link("login-actions/reset-credentials"));
        Page sent = form.submit(Map.of("username", username));
        assertEquals(200, sent.status(), sent.body());
        assertTrue(mailing.smtp().waitForIncomingEmail(15_000, 1), "the reset mail is sent");
        Matcher link = RESET_LINK.matcher(Mail.plainText(mailing.smtp().getReceivedMessages()[0]));
        assertTrue(link.find(), "the mail holds the reset link");
        return browser.visit(link.group(1));
    }

    private void methods(String method) {
        realm().changePolicy(policy -> {
            policy.withObjectProperty("mfa").put("enforcement", "OPTIONAL");
            ArrayNode methods = policy.withObjectProperty("mfa").putArray("methods");
            methods.add(method);
        });
    }

    private int sessions(String userId) {
        return api.get(realm().adminPath() + "/users/" + userId + "/sessions", api.masterAdminToken()).json().size();
    }

    private TestRealm realm() {
        return mailing.realm();
    }
}
