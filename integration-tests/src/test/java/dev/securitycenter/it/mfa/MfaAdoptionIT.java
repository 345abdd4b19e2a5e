package dev.securitycenter.it.mfa;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Mail;
import dev.securitycenter.it.support.TestRealm;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 2FA adoption counter and the reminder mail, delivered to a real SMTP server. */
@ExtendWith(KeycloakTestServer.class)
class MfaAdoptionIT {

    private static final String PASSWORD = "Correct-Horse-42!";

    private static KeycloakApi api;
    private static TestRealm realm;
    private static GreenMail smtp;

    @BeforeAll
    static void realmWithPeople() {
        api = KeycloakTestServer.api();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        realm = TestRealm.create(api, "mfa-adoption", Map.of());
        realm.useSmtp(smtp.getSmtp().getPort());
        realm.createUserWithTotp("tina", PASSWORD, "TinasSecretForTotp01");
        realm.createUserWithTotp("tom", PASSWORD, "TomsSecretForTotp002");
        realm.createUser("uma", PASSWORD);
        realm.createUser("victor", PASSWORD);
        realm.createUser("wendy", PASSWORD);
        String noMail = realm.createUser("xavier", PASSWORD);
        api.put(realm.adminPath() + "/users/" + noMail, api.masterAdminToken(), Map.of("email", ""));
        String disabled = realm.createUser("yara", PASSWORD);
        api.put(realm.adminPath() + "/users/" + disabled, api.masterAdminToken(), Map.of("enabled", false));
    }

    @AfterAll
    static void cleanUp() {
        realm.close();
        smtp.stop();
    }

    @Test
    void statusCountsEnabledPeopleAndThoseWithASecondFactor() {
        Response status = api.get(mfa() + "/status", api.masterAdminToken());
        assertEquals(200, status.status(), status.body());
        assertEquals(2, status.json().get("enabled").asInt());
        assertEquals(6, status.json().get("total").asInt(), "the disabled user is not counted");
        assertEquals(33, status.json().get("percent").asInt());
    }

    @Test
    void remindersGoToEveryEnabledUserWithoutTwoFactorWhoHasAnAddress() throws Exception {
        realm.update(Map.of("emailTheme", "keycloak"));
        Response refused = api.post(mfa() + "/reminders", api.masterAdminToken(), "");
        assertEquals(409, refused.status(), "a theme without the template is named before anything is sent");
        assertEquals("emailTheme", refused.json().at("/errors/0/field").asText());
        realm.update(Map.of("emailTheme", "security-center"));

        Response dryRun = api.post(mfa() + "/reminders?dryRun=true", api.masterAdminToken(), "");
        assertEquals(200, dryRun.status(), dryRun.body());
        assertEquals(3, dryRun.json().get("recipients").asInt());
        assertEquals(0, smtp.getReceivedMessages().length, "a dry run sends nothing");

        Response sent = api.post(mfa() + "/reminders", api.masterAdminToken(), "");
        assertEquals(200, sent.status(), sent.body());
        assertEquals(3, sent.json().get("recipients").asInt());

        assertTrue(smtp.waitForIncomingEmail(15_000, 3), "three reminders arrive");
        MimeMessage[] messages = smtp.getReceivedMessages();
        Set<String> recipients = Arrays.stream(messages)
                .map(MfaAdoptionIT::address)
                .collect(Collectors.toSet());
        assertEquals(Set.of("uma@example.test", "victor@example.test", "wendy@example.test"), recipients);
        assertEquals("Please set up two-factor authentication", messages[0].getSubject());
        String body = Mail.plainText(messages[0]);
        assertTrue(body.contains(api.baseUrl() + "/realms/" + realm.name() + "/account/"), body);
        assertTrue(body.contains("two-factor authentication"), body);

        JsonNode event = new AuditLog(api, realm.name()).awaitEvent("policy.2fa_reminders_sent", null);
        assertEquals(3, event.at("/details/recipients").asInt());
        assertEquals("admin", event.get("actorUsername").asText());
    }

    private static String address(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mfa() {
        return realm.adminPath() + "/security-center/mfa";
    }
}
