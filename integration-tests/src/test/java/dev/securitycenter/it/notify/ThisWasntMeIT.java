package dev.securitycenter.it.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Mail;
import dev.securitycenter.it.support.MailingRealm;
import dev.securitycenter.it.support.RealmManagementRoles;
import dev.securitycenter.it.support.ServerClock;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.securitycenter.it.notify.NewSignInMailIT.LAPTOP;
import static dev.securitycenter.it.notify.NewSignInMailIT.PASSWORD;
import static dev.securitycenter.it.notify.NewSignInMailIT.PHONE;
import static dev.securitycenter.it.notify.NewSignInMailIT.isNewSignIn;
import static dev.securitycenter.it.support.Mail.subject;
import static dev.securitycenter.it.support.Mail.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "This wasn't me" link of a new-sign-in mail: opening it changes nothing, confirming secures the account
 * (every session ends, a new password is required), records the report bound to the reported sign-in and alerts
 * the user managers; the same link again, or after it expired, says so and changes nothing.
 */
@ExtendWith(KeycloakTestServer.class)
class ThisWasntMeIT {

    private static final Pattern LINK = Pattern.compile("This wasn't me: (\\S+)");
    private static final Pattern FORM_ACTION = Pattern.compile("id=\"sc-report-form\"[^>]*action=\"([^\"]+)\"");
    private static final String ALERT = "User wanda reported a sign-in that was not theirs";

    private final KeycloakApi api = KeycloakTestServer.api();
    @RegisterExtension
    final MailingRealm mailing = new MailingRealm("this-wasnt-me");

    @BeforeEach
    void aUserManager() {
        RealmManagementRoles.grant(api, mailing.realm().name(), mailing.realm().createUser("helga", PASSWORD),
                "manage-users");
    }

    @Test
    void confirmingEndsEverySessionRequiresANewPasswordAndTellsTheAdminsOnce() {
        String userId = mailing.realm().createUser("wanda", PASSWORD);
        BrowserSession laptop = new BrowserSession(api.baseUrl(), mailing.realm().name(), LAPTOP);
        laptop.tokens(laptop.signIn("wanda", PASSWORD));
        String offline = refreshTokenOf(api.offlineGrant(mailing.realm().name(), "wanda", PASSWORD));
        String report = reportLinkAfterASignInFromAPhone();

        BrowserSession mailClient = new BrowserSession(api.baseUrl(), mailing.realm().name(), LAPTOP);
        BrowserSession.Page confirm = mailClient.visit(report);
        assertEquals(200, confirm.status(), confirm.body());
        assertTrue(confirm.body().contains("Was this sign-in not you?"), confirm.body());
        offline = refreshTokenOf(api.refresh(mailing.realm().name(), offline));

        BrowserSession.Page done = mailClient.visit(confirmUrl(confirm));

        assertEquals(200, done.status(), done.body());
        assertTrue(done.body().contains("Your account is secured"), done.body());
        Response refused = api.refresh(mailing.realm().name(), offline);
        assertEquals(400, refused.status(), refused.body());
        assertEquals(0, sessionsOf(userId), "the laptop's and the phone's sessions are gone too");
        JsonNode user = api.get(mailing.realm().adminPath() + "/users/" + userId, api.masterAdminToken()).json();
        assertTrue(user.get("requiredActions").toString().contains("UPDATE_PASSWORD"), user.toString());
        AuditLog audit = new AuditLog(api, mailing.realm().name());
        JsonNode reported = audit.awaitEvent("auth.compromise_reported", "wanda");
        JsonNode signIn = audit.awaitEvent("auth.new_device_signin", "wanda");
        assertEquals(signIn.at("/details/reportId").asText(), reported.at("/details/reportId").asText(),
                "the report names the sign-in it reports");
        assertEquals("wanda", reported.get("actorUsername").asText());
        assertTrue(reported.at("/details/sessionsEnded").asInt() >= 3, "laptop, phone, offline: " + reported);
        List<MimeMessage> mails = Mail.awaitMessage(mailing.smtp(), m -> subject(m).equals(ALERT));
        assertEquals(List.of("helga@example.test"), mails.stream().filter(m -> subject(m).equals(ALERT))
                .map(ThisWasntMeIT::recipient).toList());

        // back in with a new password: a replay of the link must leave this new session alone
        BrowserSession.Page change = laptop.open().submit(Map.of("username", "wanda", "password", PASSWORD))
                .pastReminders();
        assertTrue(change.hasField("password-new"), change.body());
        laptop.tokens(change.submit(Map.of("password-new", "Another-Horse-43!",
                "password-confirm", "Another-Horse-43!")).pastReminders());
        assertEquals(1, sessionsOf(userId));

        BrowserSession.Page replay = mailClient.visit(confirmUrl(confirm));

        assertEquals(400, replay.status(), replay.body());
        assertTrue(replay.body().contains("This link has already been used"), replay.body());
        assertEquals(400, new BrowserSession(api.baseUrl(), mailing.realm().name(), PHONE).visit(report).status(),
                "opening the used link anywhere says so");
        assertEquals(1, sessionsOf(userId), "the replay ended nothing");
        assertEquals(1, audit.events("type=auth.compromise_reported").size());
        assertEquals(1, Arrays.stream(mailing.smtp().getReceivedMessages()).filter(m -> subject(m).equals(ALERT))
                .count());
    }

    @Test
    void anExpiredLinkSaysSoAndChangesNothing() {
        // Keycloak's own per-action lifespan override (Realm settings > Tokens), here two seconds instead of 7 days
        ObjectNode attributes = (ObjectNode) api.get(mailing.realm().adminPath(), api.masterAdminToken()).json()
                .get("attributes");
        attributes.put("actionTokenGeneratedByUserLifespan.security-center-this-wasnt-me", "2");
        mailing.realm().update(Map.of("attributes", attributes));
        String userId = mailing.realm().createUser("wanda", PASSWORD);
        BrowserSession laptop = new BrowserSession(api.baseUrl(), mailing.realm().name(), LAPTOP);
        laptop.tokens(laptop.signIn("wanda", PASSWORD));
        String report = reportLinkAfterASignInFromAPhone();
        ServerClock.awaitPast(Instant.now().plusSeconds(3));

        BrowserSession.Page expired = new BrowserSession(api.baseUrl(), mailing.realm().name(), LAPTOP).visit(report);

        assertEquals(400, expired.status(), expired.body());
        assertTrue(expired.body().contains("Action expired"), expired.body());
        assertEquals(2, sessionsOf(userId), "the laptop and the phone are still signed in");
        assertTrue(new AuditLog(api, mailing.realm().name()).events("type=auth.compromise_reported").isEmpty());
    }

    /**
     * Only the page's own button confirms: the mailed link with a confirmation added by hand (a leaked link, a
     * scanner, a page elsewhere sending the browser there) shows the question, and a confirmation taken from the page
     * another browser was shown does the same; neither ends a session.
     */
    @Test
    void aConfirmationNotMadeOnThePageChangesNothing() {
        String userId = mailing.realm().createUser("wanda", PASSWORD);
        BrowserSession laptop = new BrowserSession(api.baseUrl(), mailing.realm().name(), LAPTOP);
        laptop.tokens(laptop.signIn("wanda", PASSWORD));
        String report = reportLinkAfterASignInFromAPhone();
        BrowserSession mailClient = new BrowserSession(api.baseUrl(), mailing.realm().name(), LAPTOP);

        BrowserSession.Page forged = mailClient.visit(report + "&confirm=yes&secure=");

        assertEquals(200, forged.status(), forged.body());
        assertTrue(forged.body().contains("Was this sign-in not you?"), forged.body());
        BrowserSession.Page elsewhere = new BrowserSession(api.baseUrl(), mailing.realm().name(), PHONE)
                .visit(confirmUrl(forged));
        assertTrue(elsewhere.body().contains("Was this sign-in not you?"), elsewhere.body());
        assertEquals(2, sessionsOf(userId), "the laptop and the phone are still signed in");
        assertTrue(new AuditLog(api, mailing.realm().name()).events("type=auth.compromise_reported").isEmpty());
    }

    private String reportLinkAfterASignInFromAPhone() {
        BrowserSession phone = new BrowserSession(api.baseUrl(), mailing.realm().name(), PHONE);
        phone.tokens(phone.signIn("wanda", PASSWORD));
        MimeMessage mail = Mail.awaitMessage(mailing.smtp(), m -> isNewSignIn(m, "wanda")).stream()
                .filter(m -> isNewSignIn(m, "wanda")).findFirst().orElseThrow();
        Matcher link = LINK.matcher(text(mail));
        assertTrue(link.find(), text(mail));
        return link.group(1);
    }

    /** What the page's "Secure my account" button asks for: its form's fields, and the button's own name. */
    private static String confirmUrl(BrowserSession.Page page) {
        Matcher action = FORM_ACTION.matcher(page.body());
        assertTrue(action.find(), page.body());
        return action.group(1).replace("&amp;", "&") + "?key=" + enc(page.fieldValue("key"))
                + "&client_id=" + enc(page.fieldValue("client_id")) + "&tab_id=" + enc(page.fieldValue("tab_id"))
                + "&secure=";
    }

    private int sessionsOf(String userId) {
        return api.get(mailing.realm().adminPath() + "/users/" + userId + "/sessions", api.masterAdminToken()).json()
                .size();
    }

    private static String refreshTokenOf(Response grant) {
        assertEquals(200, grant.status(), grant.body());
        return grant.json().get("refresh_token").asText();
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
