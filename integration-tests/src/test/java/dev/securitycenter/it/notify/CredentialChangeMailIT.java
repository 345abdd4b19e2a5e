package dev.securitycenter.it.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Mail;
import dev.securitycenter.it.support.TestRealm;
import dev.securitycenter.it.support.Totp;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.securitycenter.it.notify.NewSignInMailIT.PASSWORD;
import static dev.securitycenter.it.notify.NewSignInMailIT.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every change to how an account is protected is mailed to its owner with a "This wasn't me" link, whoever made it
 * and however: the user's own password change, an admin's reset, a second factor added or removed, recovery codes
 * made anew; nothing goes while the realm's switch is off or to an address nobody proved.
 */
@ExtendWith(KeycloakTestServer.class)
class CredentialChangeMailIT {

    private static final String NEW_PASSWORD = "Another-Horse-43!";

    private final KeycloakApi api = KeycloakTestServer.api();
    private GreenMail smtp;
    private TestRealm realm;

    @BeforeEach
    void realmWithMail() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        realm = TestRealm.create(api, "credential-mail", Map.of());
        realm.useSmtp(smtp.getSmtp().getPort());
        assertEquals(200, api.post(realm.adminPath() + "/security-center/policy/defaults", api.masterAdminToken(),
                "").status());
    }

    @AfterEach
    void cleanUp() {
        realm.close();
        smtp.stop();
    }

    @Test
    void everyChangeOfPasswordOrSecondFactorIsToldWithTheLink() {
        String userId = realm.createUser("carl", PASSWORD);
        String token = api.token(realm.name(), "carl", PASSWORD);

        assertEquals(200, api.post(account("/password"), token, Map.of("currentPassword", PASSWORD,
                "newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD)).status());
        assertTold("carl", "Your password was changed", "account was just changed");

        String secret = Totp.fromBase32(ok(api.post(account("/mfa/totp"), token, "")).get("secret").asText());
        ok(api.post(account("/mfa/totp/verify"), token, Map.of("code", Totp.unusedCode(secret))));
        assertTold("carl", "Two-factor authentication was added to your account", "(TOTP)");

        // setting up an app may make the first recovery codes too: the regeneration must add a mail of its own
        long codesMails = sent("New recovery codes were generated");
        ok(api.post(account("/mfa/recovery-codes"), token, Map.of("code", Totp.unusedCode(secret))));
        Mail.awaitMessage(smtp, m -> sent("New recovery codes were generated") > codesMails);
        assertTold("carl", "New recovery codes were generated", "old ones no longer work");

        Response removed = api.delete(account("/mfa"), token, Map.of("code", Totp.unusedCode(secret)));
        assertTrue(removed.status() < 300, removed.body());
        assertTold("carl", "Two-factor authentication was removed from your account", "(TOTP)");

        // a password of its own: the realm remembers the last five
        resetByAdmin(userId, "Third-Horse-44!");
        assertTold("carl", "An administrator changed your password", "just set a new password for your account");
    }

    @Test
    void nothingGoesWhileTheRealmSwitchIsOffOrToAnUnprovenAddress() {
        String dora = realm.createUser("dora", PASSWORD);
        String erin = realm.createUser("erin", PASSWORD);
        api.put(realm.adminPath() + "/users/" + erin, api.masterAdminToken(), Map.of("emailVerified", false));
        String fay = realm.createUser("fay", PASSWORD);

        realm.changePolicy(policy -> policy.withObjectProperty("notifications").put("credentialChanges", false));
        resetByAdmin(dora);
        realm.changePolicy(policy -> policy.withObjectProperty("notifications").put("credentialChanges", true));
        resetByAdmin(erin);
        resetByAdmin(fay);

        // each mail leaves right after its change commits: once fay's has come, dora's and erin's would have
        List<MimeMessage> mails = Mail.awaitMessage(smtp, m -> to(m).equals("fay@example.test"));
        assertEquals(List.of("fay@example.test"), mails.stream().map(CredentialChangeMailIT::to).toList());
    }

    private void assertTold(String username, String subject, String saying) {
        MimeMessage mail = Mail.awaitMessage(smtp, m -> subject(m).equals(subject)).stream()
                .filter(m -> subject(m).equals(subject)).findFirst().orElseThrow();
        assertEquals(username + "@example.test", to(mail));
        String text = text(mail);
        assertTrue(text.contains(saying), text);
        assertTrue(text.contains("This wasn't me: http"), text);
    }

    private long sent(String subject) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).equals(subject)).count();
    }

    private void resetByAdmin(String userId) {
        resetByAdmin(userId, NEW_PASSWORD);
    }

    private void resetByAdmin(String userId, String password) {
        Response reset = api.put(realm.adminPath() + "/users/" + userId + "/reset-password", api.masterAdminToken(),
                Map.of("type", "password", "value", password, "temporary", false));
        assertEquals(204, reset.status(), reset.body());
    }

    private String account(String path) {
        return "/realms/" + realm.name() + "/security-center/account" + path;
    }

    private static JsonNode ok(Response response) {
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String to(MimeMessage mail) {
        try {
            return Arrays.stream(mail.getAllRecipients()).map(Object::toString).findFirst().orElse("");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
