package dev.securitycenter.it.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.securitycenter.demo.DemoHistory;
import dev.securitycenter.demo.Place;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.DemoUsers;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakServer;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Mail;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's first start: the seeding {@code demo.sh} runs ({@link DemoHistory}) against a fresh copy of the demo
 * realm on the test server, through the same trusted proxy address, and what a newcomer then finds — the spec's
 * success state instead of the empty one, the adoption counter, a history in the audit log, a locked user, the
 * admins' sessions in their cities — so that the demo cannot rot. The pages' screenshots are the README's walk.
 */
@ExtendWith(KeycloakTestServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoHistoryIT {

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private static KeycloakApi api;
    private static TestRealm realm;
    private static GreenMail smtp;
    private static boolean emptyBeforeTheSeeding;

    @BeforeAll
    static void seed() {
        api = KeycloakTestServer.api();
        realm = TestRealm.copyWithPasswordsOf(api, DemoUsers.REALM, "demo", DemoHistory.SIGNING_IN);
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        realm.useSmtp(smtp.getSmtp().getPort());
        emptyBeforeTheSeeding = !policy().get("configured").asBoolean();
        new DemoHistory(api.baseUrl(), realm.name(), KeycloakServer.TRUSTED_PROXY).seed();
    }

    @AfterAll
    static void deleteRealm() {
        realm.close();
        smtp.stop();
    }

    @Test
    void theDemoRealmOpensOnTheSpecsSuccessStateWhileANewRealmStillOpensEmpty() {
        assertTrue(emptyBeforeTheSeeding, "the imported realm file itself is not set up");
        JsonNode policy = policy();
        assertTrue(policy.get("configured").asBoolean(), policy.toString());
        assertEquals(DemoHistory.ADMIN, policy.get("updatedBy").asText());
        assertEquals(12, policy.at("/password/minLength").asInt());
        assertTrue(policy.at("/password/requireSpecial").asBoolean());
        assertEquals(90, policy.at("/password/expiryDays").asInt());
        assertEquals(5, policy.at("/password/preventReuse").asInt());
        assertEquals(30, policy.at("/sessions/idleTimeoutMinutes").asInt());
        assertEquals(24, policy.at("/sessions/maxLifetimeHours").asInt());
        assertEquals(3, policy.at("/sessions/maxConcurrentSessions").asInt());
        assertEquals("OPTIONAL", policy.at("/mfa/enforcement").asText());
        assertEquals(5, policy.at("/lockout/maxFailures").asInt());
        assertEquals(30, policy.at("/lockout/durationMinutes").asInt());
        String browserFlow = api.get(realm.adminPath(), api.masterAdminToken()).json().get("browserFlow").asText();
        assertTrue(browserFlow.startsWith("security-center"), "the managed flow is bound: " + browserFlow);

        try (TestRealm fresh = TestRealm.create(api, "new", Map.of())) {
            JsonNode untouched = api.get(fresh.adminPath() + "/security-center/policy", api.masterAdminToken()).json();
            assertFalse(untouched.get("configured").asBoolean(), untouched.toString());
        }
    }

    @Test
    void theAdoptionCounterCountsTheEnrolmentOnTopOfTheTwelveOfTheRealmFile() {
        JsonNode status = api.get(realm.adminPath() + "/security-center/mfa/status", api.masterAdminToken()).json();
        assertEquals(13, status.get("enabled").asInt(), status.toString());
        assertEquals(45, status.get("total").asInt(), status.toString());
    }

    @Test
    void theAuditLogTellsTheHistoryInAnUnbrokenChain() {
        AuditLog audit = new AuditLog(api, realm.name());
        JsonNode saved = audit.awaitEvent("policy.updated", null);
        assertEquals(DemoHistory.ADMIN, saved.get("actorUsername").asText(), saved.toString());
        assertEquals(Place.WARSAW.address(), saved.get("ipAddress").asText(), "through the trusted proxy");
        List<JsonNode> signIns = audit.events("type=auth.login_succeeded&max=500");
        Set<String> addresses = signIns.stream().map(e -> e.get("ipAddress").asText()).collect(Collectors.toSet());
        assertTrue(addresses.size() >= 12, "sign-ins from many places: " + addresses);
        List<JsonNode> failures = audit.events("type=auth.login_failed&max=500");
        assertTrue(failures.size() >= 9, "mistakes, guesses and a locked owner: " + failures.size());
        assertTrue(failures.stream().anyMatch(e -> "admin".equals(e.at("/details/attemptedUsername").asText())),
                "a guessed username is named: " + failures);
        audit.awaitEvent("auth.account_locked", DemoHistory.LOCKED_USER);
        audit.awaitEvent("auth.password_changed", DemoHistory.PASSWORD_CHANGER);
        JsonNode enrolled = audit.awaitEvent("auth.2fa_enabled", DemoHistory.ENROLLING_USER);
        assertEquals("TOTP", enrolled.at("/details/method").asText().toUpperCase(), enrolled.toString());
        audit.awaitEvent("auth.new_device_signin", DemoHistory.ADMIN);
        JsonNode chain = audit.verify();
        assertTrue(chain.get("ok").asBoolean(), chain.toString());
    }

    @Test
    void theMailOfTheHistoryIsInTheMailCatcher() {
        Mail.awaitMessage(smtp, to("nikolai.petrov@acme-financial.example"));
        Mail.awaitMessage(smtp, to("thomas.brennan@acme-financial.example"));
        Mail.awaitMessage(smtp, to("isabella.rossi@acme-financial.example"));
        Mail.awaitMessage(smtp, to("daniel.kowalski@acme-financial.example"));
    }

    @Test
    void oneUserIsLockedOut() {
        Response lockouts = api.get(realm.adminPath() + "/security-center/lockouts", api.masterAdminToken());
        assertEquals(200, lockouts.status(), lockouts.body());
        List<String> locked = StreamSupport.stream(lockouts.json().spliterator(), false)
                .map(l -> l.get("username").asText()).toList();
        assertEquals(List.of(DemoHistory.LOCKED_USER), locked);
    }

    @Test
    void theAdminsHaveSessionsInTheirCitiesOnDifferentBrowsers() {
        List<JsonNode> admin = sessionsOf(DemoHistory.ADMIN);
        assertEquals(Set.of(Place.WARSAW.location(), Place.KRAKOW.location()), locations(admin), admin.toString());
        assertEquals(2, admin.stream().map(s -> s.get("device").asText()).distinct().count(), admin.toString());
        List<JsonNode> superAdmin = sessionsOf(DemoHistory.SUPER_ADMIN);
        assertEquals(Set.of(Place.LONDON.location()), locations(superAdmin), superAdmin.toString());
        assertEquals(2, superAdmin.stream().map(s -> s.get("device").asText()).distinct().count(),
                superAdmin.toString());
    }

    @Test
    void everyPlaceOfASessionIsWhereTheGeolocationDataPutsIt() {
        String admin = api.masterAdminToken();
        Set<String> shown = DemoHistory.SIGNING_IN.stream()
                .flatMap(username -> sessionsOf(username, admin).stream())
                .map(s -> s.get("location").asText())
                .collect(Collectors.toSet());
        // the guessers' places have no session: every other place is one some session was made from
        Set<String> expected = EnumSet.complementOf(EnumSet.of(Place.MOSCOW, Place.HANOI)).stream()
                .map(Place::location).collect(Collectors.toSet());
        assertEquals(expected, shown);
    }

    /** Last: signing in with the browser adds a session of its own ("Local network") to the admin's. */
    @Test
    @Order(Integer.MAX_VALUE)
    void theAdminSeesItAllOnTheSecuritySettingsPageAndUsersOnTheirOwnPages() {
        String console = "/admin/" + realm.name() + "/console/";
        browser.signIn(console, DemoHistory.ADMIN, DemoHistory.PASSWORD);
        browser.waitFor(By.id("nav-item-security-settings"));
        browser.open(console + "#/" + realm.name() + "/security-settings");
        browser.waitFor(By.id("sc-settings"));
        assertTrue(browser.waitFor(By.id("sc-mfa-status")).getText().contains("13/45"),
                browser.waitFor(By.id("sc-mfa-status")).getText());
        String sessions = browser.waitFor(By.id("sc-sessions-table")).getText();
        assertTrue(sessions.contains(Place.WARSAW.location()) && sessions.contains(Place.KRAKOW.location()), sessions);
        assertTrue(browser.waitFor(By.id("sc-locked-table")).getText().contains(DemoHistory.LOCKED_USER));
        browser.waitFor(By.cssSelector("#sc-audit-mini tbody tr"));
        // the overview charts the history: npetrov's one lockout, the sign-ins and guesses of the morning
        browser.waitFor(By.cssSelector("#sc-chart-sign-ins svg"));
        assertEquals("1", browser.waitFor(By.cssSelector("#sc-total-lockouts dd")).getText().trim());
        long failed = 0;
        for (JsonNode day : api.get(realm.adminPath() + "/security-center/stats?days=30", api.masterAdminToken())
                .json().get("daily")) {
            failed += day.get("counts").path("auth.login_failed").asLong(0);
        }
        assertTrue(failed >= 8, "cmartin's typo, two guesses from Hanoi, five from Moscow: " + failed);
        assertEquals(String.valueOf(failed), browser.waitFor(By.cssSelector("#sc-total-failedSignIns dd")).getText()
                .trim());
        browser.screenshot("demo-admin-security-settings");
        browser.scrollTo(browser.waitFor(By.id("sc-mfa")));
        browser.screenshot("demo-admin-2fa-adoption");
        browser.scrollTo(browser.waitFor(By.id("sc-active-sessions")));
        browser.screenshot("demo-admin-sessions");
        browser.scrollTo(browser.waitFor(By.id("sc-locked-users")));
        browser.screenshot("demo-admin-locked-users");

        browser.open(console + "#/" + realm.name() + "/security-settings/audit");
        browser.waitFor(By.cssSelector("#sc-audit-table .sc-audit-row"));
        browser.screenshot("demo-admin-audit-log");

        browser.open("/realms/" + realm.name() + "/account/security");
        String ownSessions = browser.waitFor(By.cssSelector("[data-testid=sessions] tbody tr")).getText();
        assertFalse(ownSessions.isBlank());
        assertTrue(browser.visibleText().contains(Place.KRAKOW.location()), browser.visibleText());
        browser.screenshot("demo-account-security");
        browser.scrollTo(browser.waitFor(By.cssSelector("[data-testid=sessions]")));
        browser.screenshot("demo-account-sessions");
        browser.open("/realms/" + realm.name() + "/account/notifications");
        browser.waitFor(By.id("notifications-devices"));
        browser.screenshot("demo-account-notifications");
    }

    private static JsonNode policy() {
        return api.get(realm.adminPath() + "/security-center/policy", api.masterAdminToken()).json();
    }

    private static List<JsonNode> sessionsOf(String username) {
        return sessionsOf(username, api.masterAdminToken());
    }

    private static List<JsonNode> sessionsOf(String username, String admin) {
        JsonNode users = api.get(realm.adminPath() + "/users?exact=true&username=" + username, admin).json();
        String id = users.get(0).get("id").asText();
        Response sessions = api.get(realm.adminPath() + "/security-center/users/" + id + "/sessions", admin);
        assertEquals(200, sessions.status(), sessions.body());
        return StreamSupport.stream(sessions.json().get("sessions").spliterator(), false).toList();
    }

    private static Predicate<MimeMessage> to(String address) {
        return message -> {
            try {
                Address[] recipients = message.getAllRecipients();
                return recipients != null && List.of(recipients).toString().contains(address);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static Set<String> locations(List<JsonNode> sessions) {
        return sessions.stream().map(s -> s.get("location").asText()).collect(Collectors.toSet());
    }
}
