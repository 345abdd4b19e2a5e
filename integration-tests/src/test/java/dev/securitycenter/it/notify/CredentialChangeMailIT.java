package dev.securitycenter.it.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.BrowserSession.Page;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Mail;
import dev.securitycenter.it.support.MailingRealm;
import dev.securitycenter.it.support.SecondFactors;
import dev.securitycenter.it.support.Totp;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.securitycenter.it.notify.NewSignInMailIT.LAPTOP;
import static dev.securitycenter.it.notify.NewSignInMailIT.PASSWORD;
import static dev.securitycenter.it.notify.NewSignInMailIT.PHONE;
import static dev.securitycenter.it.notify.NewSignInMailIT.isNewSignIn;
import static dev.securitycenter.it.support.Mail.subject;
import static dev.securitycenter.it.support.Mail.text;
import static dev.securitycenter.it.support.Mail.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every change to how an account is protected is mailed to its owner with a "This wasn't me" link, whoever made it
 * and however: the user's own password change, an admin's reset, a second factor added or removed, recovery codes
 * made anew, a sign-in with a recovery code; nothing goes while the realm's switch is off or to an address nobody
 * proved.
 */
@ExtendWith(KeycloakTestServer.class)
class CredentialChangeMailIT {

    private static final String NEW_PASSWORD = "Another-Horse-43!";
    private static final String RECOVERY_CODE_USED = "A recovery code was used to sign in to your account";
    private static final String SECRET = "CredentialMailSecret";
    private static final List<String> RECOVERY = List.of("2345-6789-ABCD", "EFGH-JKMN-PQRS", "TUVW-XYZ2-3456",
            "789A-BCDE-FGHJ", "KMNP-QRST-UVWX", "YZ23-4567-89AB", "CDEF-GHJK-MNPQ", "RSTU-VWXY-Z234");

    private final KeycloakApi api = KeycloakTestServer.api();
    @RegisterExtension
    final MailingRealm mailing = new MailingRealm("credential-mail");

    @Test
    void everyChangeOfPasswordOrSecondFactorIsToldWithTheLink() {
        String userId = mailing.realm().createUser("carl", PASSWORD);
        String token = api.token(mailing.realm().name(), "carl", PASSWORD);

        assertEquals(200, api.post(account("/password"), token, Map.of("currentPassword", PASSWORD,
                "newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD)).status());
        assertTold("carl", "Your password was changed", "account was just changed");

        String secret = Totp.fromBase32(ok(api.post(account("/mfa/totp"), token, "")).get("secret").asText());
        ok(api.post(account("/mfa/totp/verify"), token, Map.of("code", Totp.unusedCode(secret))));
        assertTold("carl", "Two-factor authentication was added to your account", "(TOTP)");

        // setting up an app may make the first recovery codes too: the regeneration must add a mail of its own
        long codesMails = sent("New recovery codes were generated");
        ok(api.post(account("/mfa/recovery-codes"), token, Map.of("code", Totp.unusedCode(secret))));
        Mail.awaitMessage(mailing.smtp(), m -> sent("New recovery codes were generated") > codesMails);
        assertTold("carl", "New recovery codes were generated", "old ones no longer work");

        Response removed = api.delete(account("/mfa"), token, Map.of("code", Totp.unusedCode(secret)));
        assertTrue(removed.status() < 300, removed.body());
        assertTold("carl", "Two-factor authentication was removed from your account", "(TOTP)");

        // a password of its own: the realm remembers the last five
        resetByAdmin(userId, "Third-Horse-44!");
        assertTold("carl", "An administrator changed your password", "just set a new password for your account");
    }

    /**
     * A recovery code is a way back into an account: whoever holds the printed codes signs in like the owner, so
     * the owner hears of it, once per sign-in (not again when the same browser signs in to another client).
     */
    @Test
    void aSignInWithARecoveryCodeIsToldOnce() {
        mailing.realm().createUser("rita", PASSWORD, List.of(SecondFactors.totp(SECRET),
                SecondFactors.recoveryCodes(RECOVERY)));
        BrowserSession laptop = new BrowserSession(api.baseUrl(), mailing.realm().name(), LAPTOP);
        assertNotNull(recoveryCodePage(laptop, "rita").submit(Map.of("recoveryCode", RECOVERY.get(2))).code());
        assertTold("rita", RECOVERY_CODE_USED, "with one of your recovery codes");
        assertNotNull(laptop.open().code(), "single sign-on to the console again");

        BrowserSession phone = new BrowserSession(api.baseUrl(), mailing.realm().name(), PHONE);
        assertNotNull(phone.signIn("rita", PASSWORD).submit(Map.of("otp", Totp.unusedCode(SECRET))).code());
        // the phone is new: its mail comes after any the laptop's second sign-in would have caused
        Mail.awaitMessage(mailing.smtp(), m -> isNewSignIn(m, "rita"));
        assertEquals(1, sent(RECOVERY_CODE_USED), "told once, and not for a sign-in with the app");
        List<JsonNode> signIns = new AuditLog(api, mailing.realm().name()).events("type=auth.login_succeeded");
        assertEquals(3, signIns.size(), signIns.toString());
        assertEquals(1, signIns.stream().filter(e -> "recovery_code".equals(e.at("/details/method").asText()))
                .count(), "the single sign-on and the phone's sign-in used no code: " + signIns);
    }

    /** Required actions after the code end the sign-in in a later request: the mail still goes. */
    @Test
    void aRecoveryCodeSignInThatEndsAfterARequiredActionIsTold() {
        String userId = mailing.realm().createUser("sam", PASSWORD, List.of(SecondFactors.totp(SECRET),
                SecondFactors.recoveryCodes(RECOVERY)));
        assertEquals(204, api.put(mailing.realm().adminPath() + "/users/" + userId, api.masterAdminToken(),
                Map.of("requiredActions", List.of("UPDATE_PASSWORD"))).status());
        BrowserSession laptop = new BrowserSession(api.baseUrl(), mailing.realm().name(), LAPTOP);
        Page newPassword = recoveryCodePage(laptop, "sam").submit(Map.of("recoveryCode", RECOVERY.get(7)));
        assertTrue(newPassword.hasField("password-new"), newPassword.body());
        assertNull(newPassword.code());
        assertNotNull(newPassword.submit(Map.of("password-new", NEW_PASSWORD, "password-confirm", NEW_PASSWORD))
                .code());
        assertTold("sam", RECOVERY_CODE_USED, "with one of your recovery codes");
        AuditLog audit = new AuditLog(api, mailing.realm().name());
        JsonNode signIn = audit.awaitEvent("auth.login_succeeded", "sam");
        assertEquals("recovery_code", signIn.at("/details/method").asText(), "the audit log says how, too: " + signIn);
        assertEquals(1, audit.events("type=auth.login_succeeded").size());
    }

    @Test
    void nothingGoesWhileTheRealmSwitchIsOffOrToAnUnprovenAddress() {
        String dora = mailing.realm().createUser("dora", PASSWORD);
        String erin = mailing.realm().createUser("erin", PASSWORD);
        api.put(mailing.realm().adminPath() + "/users/" + erin, api.masterAdminToken(), Map.of("emailVerified", false));
        String fay = mailing.realm().createUser("fay", PASSWORD);

        credentialChanges(false);
        resetByAdmin(dora);
        credentialChanges(true);
        resetByAdmin(erin);
        resetByAdmin(fay);

        // each mail leaves right after its change commits: once fay's has come, dora's and erin's would have
        List<MimeMessage> mails = Mail.awaitMessage(mailing.smtp(), m -> to(m).equals("fay@example.test"));
        assertEquals(List.of("fay@example.test"), mails.stream().map(Mail::to).toList());
    }

    private static Page recoveryCodePage(BrowserSession browser, String username) {
        Page otp = browser.signIn(username, PASSWORD);
        Page select = otp.submit(Map.of("tryAnotherWay", "on"));
        Page recovery = select.submit(Map.of("authenticationExecution", select.choices().get("Recovery code")));
        assertTrue(recovery.hasField("recoveryCode"), recovery.body());
        return recovery;
    }

    private void assertTold(String username, String subject, String saying) {
        MimeMessage mail = Mail.awaitMessage(mailing.smtp(), m -> subject(m).equals(subject)).stream()
                .filter(m -> subject(m).equals(subject)).findFirst().orElseThrow();
        assertEquals(username + "@example.test", to(mail));
        String text = text(mail);
        assertTrue(text.contains(saying), text);
        assertTrue(text.contains("This wasn't me: http"), text);
    }

    private long sent(String subject) {
        return Arrays.stream(mailing.smtp().getReceivedMessages()).filter(m -> subject(m).equals(subject)).count();
    }

    private void resetByAdmin(String userId) {
        resetByAdmin(userId, NEW_PASSWORD);
    }

    private void resetByAdmin(String userId, String password) {
        Response reset = api.put(mailing.realm().adminPath() + "/users/" + userId + "/reset-password",
                api.masterAdminToken(),
                Map.of("type", "password", "value", password, "temporary", false));
        assertEquals(204, reset.status(), reset.body());
    }

    private void credentialChanges(boolean on) {
        mailing.realm().changePolicy(policy -> policy.withObjectProperty("notifications").put("credentialChanges", on));
    }

    private String account(String path) {
        return "/realms/" + mailing.realm().name() + "/security-center/account" + path;
    }

    private static JsonNode ok(Response response) {
        assertEquals(200, response.status(), response.body());
        return response.json();
    }
}
