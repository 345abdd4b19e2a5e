package dev.securitycenter.it.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Mail;
import dev.securitycenter.it.support.MailingRealm;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.securitycenter.it.notify.NewSignInMailIT.PASSWORD;
import static dev.securitycenter.it.support.Mail.text;
import static dev.securitycenter.it.support.Mail.to;
import static dev.securitycenter.it.support.PreviewWarnings.warning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Notify affected users": a policy save that makes people set up 2FA or choose a new password at their next
 * sign-in tells each of them by mail, once, in one mail, after the save, at most once a day however often admins
 * toggle, whether saved through the extension or Keycloak's own console; the preview says how many will be told
 * and the audit log records it.
 */
@ExtendWith(KeycloakTestServer.class)
class PolicyChangeMailIT {

    private static final String SUBJECT = "What changes at your next sign-in";
    private static final String SET_UP_2FA = "set up two-factor authentication";
    private static final String NEW_PASSWORD = "choose a new password";

    private final KeycloakApi api = KeycloakTestServer.api();
    @RegisterExtension
    final MailingRealm mailing = new MailingRealm("policy-change-mail");

    @Test
    void requiringTwoFactorTellsThoseWithoutAFactorOnceADay() throws Exception {
        mailing.realm().createUserWithTotp("olga", PASSWORD, "OlgasSecretForTotp01");
        mailing.realm().createUser("pat", PASSWORD);
        mailing.realm().createUser("rosa", PASSWORD);
        String quinn = mailing.realm().createUser("quinn", PASSWORD);
        assertEquals(204, api.put(mailing.realm().adminPath() + "/users/" + quinn, api.masterAdminToken(),
                Map.of("emailVerified", false)).status());

        JsonNode told = warning(mailing.realm().previewPolicy(policy -> mfa(policy, "REQUIRED_ALL")), "USERS_TOLD_BY_EMAIL");
        assertEquals(2, told.get("count").asInt(), "pat and rosa; olga has an app, quinn's address is unproven");
        assertEquals("2 users will be told by email what changes at their next sign-in.",
                told.get("message").asText());
        assertEquals(0, mailing.mails(SUBJECT).size(), "a preview sends nothing");

        mailing.realm().changePolicy(policy -> mfa(policy, "REQUIRED_ALL"));
        List<MimeMessage> mails = mailing.awaitMails(SUBJECT, 2);
        assertEquals(List.of("pat@example.test", "rosa@example.test"), mails.stream().map(Mail::to).sorted().toList());
        String text = text(mails.get(0));
        assertTrue(text.contains(SET_UP_2FA) && !text.contains(NEW_PASSWORD), text);
        assertTrue(text.contains("holds no link"), text);
        JsonNode saved = new AuditLog(api, mailing.realm().name()).awaitEvent("policy.updated", null,
                event -> event.at("/details/usersToldByEmail").asInt() == 2);
        assertEquals("REQUIRED_ALL", saved.at("/details/changes").findValue("to").asText(), saved.toString());

        // an admin toggling back and forth tells nobody twice the same day; someone new is still told
        mailing.realm().changePolicy(policy -> mfa(policy, "OPTIONAL"));
        mailing.realm().createUser("sid", PASSWORD);
        mailing.realm().changePolicy(policy -> mfa(policy, "REQUIRED_ALL"));
        mailing.awaitMails(SUBJECT, 3);
        // sid's mail went in the same page as any repeat to pat or rosa would have
        Thread.sleep(1000);
        assertEquals(List.of("pat@example.test", "rosa@example.test", "sid@example.test"),
                mailing.mails(SUBJECT).stream().map(Mail::to).sorted().toList());
    }

    @Test
    void someoneConcernedTwiceGetsOneMailNamingBoth() throws Exception {
        String uwe = mailing.realm().createUser("uwe", PASSWORD);
        String vera = mailing.realm().createUserWithTotp("vera", PASSWORD, "VerasSecretForTotp01");
        // an admin's reset records which rules each password meets (never the password)
        resetPassword(uwe, "Shorter-Pass-12");
        resetPassword(vera, "A-Much-Longer-Pass-2026!");

        mailing.realm().changePolicy(policy -> {
            mfa(policy, "REQUIRED_ALL");
            policy.withObjectProperty("password").put("minLength", 16);
        });
        MimeMessage mail = mailing.awaitMails(SUBJECT, 1).get(0);
        assertEquals("uwe@example.test", to(mail));
        String text = text(mail);
        assertTrue(text.contains(SET_UP_2FA) && text.contains(NEW_PASSWORD), text);
        Thread.sleep(1000);
        assertEquals(1, mailing.mails(SUBJECT).size(), "vera has an app and a long password: nothing concerns her");
    }

    @Test
    void aStrongerPasswordPolicySetInKeycloaksConsoleIsToldToo() {
        String uwe = mailing.realm().createUser("uwe", PASSWORD);
        resetPassword(uwe, "Shorter-Pass-12");
        JsonNode realm = api.get(mailing.realm().adminPath(), api.masterAdminToken()).json();
        String stronger = realm.get("passwordPolicy").asText().replaceAll("length\\(\\d+\\)", "length(16)");
        assertEquals(204, api.put(mailing.realm().adminPath(), api.masterAdminToken(),
                Map.of("passwordPolicy", stronger)).status());

        MimeMessage mail = mailing.awaitMails(SUBJECT, 1).get(0);
        assertEquals("uwe@example.test", to(mail));
        assertTrue(text(mail).contains(NEW_PASSWORD), text(mail));
        new AuditLog(api, mailing.realm().name()).awaitEvent("policy.updated", null,
                event -> "keycloak-admin".equals(event.at("/details/source").asText())
                        && event.at("/details/usersToldByEmail").asInt() == 1);
    }

    /** More people than one page: every one is told, a page per transaction, after the save has answered. */
    @Test
    void aLargeAudienceIsToldPageByPage() {
        int people = 120;
        Response imported = api.post(mailing.realm().adminPath() + "/partialImport", api.masterAdminToken(),
                Map.of("ifResourceExists", "SKIP", "users", IntStream.range(0, people).mapToObj(i -> Map.of(
                        "username", "member" + i, "enabled", true, "email", "member" + i + "@example.test",
                        "emailVerified", true)).toList()));
        assertEquals(200, imported.status(), imported.body());

        mailing.realm().changePolicy(policy -> mfa(policy, "REQUIRED_ALL"));
        Mail.awaitMessage(mailing.smtp(), m -> mailing.mails(SUBJECT).size() >= people, Duration.ofSeconds(90));
        assertEquals(people, mailing.mails(SUBJECT).stream().map(Mail::to).distinct().count());
    }

    private static void mfa(ObjectNode policy, String enforcement) {
        policy.withObjectProperty("mfa").put("enforcement", enforcement);
    }

    private void resetPassword(String userId, String password) {
        assertEquals(204, api.put(mailing.realm().adminPath() + "/users/" + userId + "/reset-password",
                api.masterAdminToken(), Map.of("type", "password", "value", password, "temporary", false)).status());
    }
}
