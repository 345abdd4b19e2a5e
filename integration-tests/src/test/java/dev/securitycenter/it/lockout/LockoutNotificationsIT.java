package dev.securitycenter.it.lockout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Mail;
import dev.securitycenter.it.support.RealmManagementRoles;
import dev.securitycenter.it.support.TestRealm;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The locked user is told at a verified address; repeated lockouts alert whoever may manage users. */
@ExtendWith(KeycloakTestServer.class)
class LockoutNotificationsIT {

    private static final String PASSWORD = "Correct-Horse-42!";

    private final KeycloakApi api = KeycloakTestServer.api();
    private GreenMail smtp;
    private TestRealm realm;

    @BeforeEach
    void realmWithMail() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        realm = TestRealm.create(api, "lockout-mail", Map.of());
        realm.useSmtp(smtp.getSmtp().getPort());
        String policy = realm.adminPath() + "/security-center/policy";
        assertEquals(200, api.post(policy + "/defaults", api.masterAdminToken(), "").status());
        ObjectNode doc = (ObjectNode) api.get(policy, api.masterAdminToken()).json();
        doc.withObjectProperty("lockout").put("maxFailures", 3).put("durationMinutes", 15);
        assertEquals(200, api.put(policy, api.masterAdminToken(), doc).status());
    }

    @AfterEach
    void cleanUp() {
        realm.close();
        smtp.stop();
    }

    @Test
    void lockedUserIsToldAtAVerifiedAddressOnly() throws Exception {
        realm.createUser("olive", PASSWORD);
        String unverified = realm.createUser("paul", PASSWORD);
        api.put(realm.adminPath() + "/users/" + unverified, api.masterAdminToken(), Map.of("emailVerified", false));

        // paul first: each lockout's mail leaves right after its commit, so once olive's has come, paul's would have
        lock("paul");
        lock("olive");

        List<MimeMessage> mails = Mail.awaitMessage(smtp, m -> "olive@example.test".equals(to(m)));
        assertEquals(List.of("olive@example.test"), mails.stream().map(LockoutNotificationsIT::to).toList(),
                "nothing goes to an address nobody has proven");
        assertEquals("Your account has been locked", mails.get(0).getSubject());
        assertTrue(Mail.plainText(mails.get(0)).contains("locked due to failed login attempts"));
    }

    /**
     * With "manual unlock only", guesses that were already waiting when the account locked must not lock it again
     * and again: the user hears about the lockout once.
     */
    @Test
    void aBurstAgainstAManualUnlockAccountMailsTheUserOnce() throws Exception {
        realm.changePolicy(policy -> policy.withObjectProperty("lockout").putNull("durationMinutes"));
        String userId = realm.createUser("nora", PASSWORD);

        ExecutorService burst = Executors.newFixedThreadPool(9);
        try {
            List<Future<?>> guesses = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                String guess = "wrong-" + i;
                guesses.add(burst.submit(() -> api.passwordGrant(realm.name(), "nora", guess)));
            }
            for (Future<?> guess : guesses) {
                guess.get();
            }
        } finally {
            burst.shutdownNow();
        }

        assertTrue(realm.awaitBruteForce(userId, state -> state.path("disabled").asBoolean()), "locked");
        assertTrue(smtp.waitForIncomingEmail(15_000, 1));
        Thread.sleep(3000);
        assertEquals(List.of("nora@example.test"), Arrays.stream(smtp.getReceivedMessages())
                .map(LockoutNotificationsIT::to).toList(), "one lockout, one mail");
    }

    @Test
    void repeatedLockoutsAlertUserManagersOnceAnHour() throws Exception {
        String quentin = realm.createUser("quentin", PASSWORD);
        String manager = realm.createUser("rita", PASSWORD);
        String realmManagement = api.get(realm.adminPath() + "/clients?clientId=realm-management",
                api.masterAdminToken()).json().get(0).get("id").asText();
        assertEquals(204, api.post(realm.adminPath() + "/users/" + manager + "/role-mappings/clients/"
                + realmManagement, api.masterAdminToken(), List.of(api.get(realm.adminPath() + "/clients/"
                + realmManagement + "/roles/manage-users", api.masterAdminToken()).json())).status());

        // lockout, unlock, lockout…: the third and every later one counts, but admins hear once an hour
        for (int round = 1; round <= 5; round++) {
            lock("quentin");
            assertEquals(204, api.delete(realm.adminPath() + "/attack-detection/brute-force/users/" + quentin,
                    api.masterAdminToken()).status());
        }

        assertTrue(smtp.waitForIncomingEmail(15_000, 6), "five lockout mails to quentin and one alert");
        // an alert for the fourth or fifth lockout would leave right after that lockout's own mail: give it time
        Thread.sleep(2000);
        List<MimeMessage> mails = Arrays.asList(smtp.getReceivedMessages());
        assertEquals(5, mails.stream().filter(m -> "quentin@example.test".equals(to(m))).count(),
                "five lockout mails to quentin");
        List<MimeMessage> toRita = mails.stream().filter(m -> "rita@example.test".equals(to(m))).toList();
        assertEquals(1, toRita.size(), "the first two lockouts alert nobody, the next three once: " + toRita.size());
        assertEquals("Repeated lockouts of user quentin", toRita.get(0).getSubject());
        assertTrue(Mail.plainText(toRita.get(0)).contains("locked 3 times in the last 24 hours"));
    }

    /** The policy's "notify admins of every lockout": the first lockout alerts, the next within the hour does not. */
    @Test
    void everyLockoutAlertsTheAdminsAtMostOnceAnHourPerUserWhenAsked() throws Exception {
        realm.changePolicy(policy -> {
            policy.withObjectProperty("lockout").put("notifyAdmins", false).put("emailUser", false);
            policy.withObjectProperty("notifications").put("adminEachLockout", true);
        });
        String sam = realm.createUser("sam", PASSWORD);
        String manager = realm.createUser("rita", PASSWORD);
        RealmManagementRoles.grant(api, realm.name(), manager, "manage-users");

        lock("sam");
        List<MimeMessage> mails = Mail.awaitMessage(smtp, m -> "rita@example.test".equals(to(m)));
        assertEquals("User sam locked", mails.get(0).getSubject());
        assertTrue(Mail.plainText(mails.get(0)).contains("has just been locked"));
        assertEquals(204, api.delete(realm.adminPath() + "/attack-detection/brute-force/users/" + sam,
                api.masterAdminToken()).status());
        lock("sam");
        // an alert for the second lockout would leave right after it commits: give it time
        Thread.sleep(2000);
        assertEquals(1, Arrays.stream(smtp.getReceivedMessages()).filter(m -> "rita@example.test".equals(to(m)))
                .count(), "the second lockout within the hour alerts nobody");
    }

    /** Three wrong passwords, then wait until the lockout is in the audit log (it commits just after). */
    private void lock(String username) throws InterruptedException {
        AuditLog audit = new AuditLog(api, realm.name());
        String lockouts = "type=auth.account_locked&user=" + username;
        int before = audit.events(lockouts).size();
        for (int i = 0; i < 3; i++) {
            api.passwordGrant(realm.name(), username, "wrong-" + i);
        }
        for (int wait = 0; wait < 75 && audit.events(lockouts).size() == before; wait++) {
            Thread.sleep(200);
        }
        assertEquals(before + 1, audit.events(lockouts).size(), "locked once more");
    }

    private static String to(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
