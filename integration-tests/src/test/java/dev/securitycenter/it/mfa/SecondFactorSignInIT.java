package dev.securitycenter.it.mfa;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.BrowserSession.Page;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakServer;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.ServerClock;
import dev.securitycenter.it.support.Mail;
import dev.securitycenter.it.support.SecondFactors;
import dev.securitycenter.it.support.SmsGateway;
import dev.securitycenter.it.support.TestRealm;
import dev.securitycenter.it.support.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The second factor at sign-in: the user chooses among the allowed methods they have, each method works, codes
 * are single-use, limited and throttled, and wrong codes count toward the lockout.
 */
@ExtendWith(KeycloakTestServer.class)
class SecondFactorSignInIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36";
    private static final String SECRET = "SecondFactorSecret01";
    private static final List<String> RECOVERY = List.of("2345-6789-ABCD", "EFGH-JKMN-PQRS", "TUVW-XYZ2-3456",
            "789A-BCDE-FGHJ", "KMNP-QRST-UVWX", "YZ23-4567-89AB", "CDEF-GHJK-MNPQ", "RSTU-VWXY-Z234");

    private final KeycloakApi api = KeycloakTestServer.api();
    private final SmsGateway sms = KeycloakTestServer.server().smsGateway();
    private TestRealm realm;

    @BeforeEach
    void configuredRealm() {
        realm = TestRealm.create(api, "mfa-signin", Map.of());
        assertEquals(200, api.post(policy() + "/defaults", api.masterAdminToken(), "").status());
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void userChoosesAmongTheAllowedMethodsTheyHave() {
        policy("OPTIONAL", List.of("TOTP", "SMS"), null);
        realm.createUser("amy", PASSWORD, List.of(SecondFactors.totp(SECRET), SecondFactors.sms("+15550000001"),
                SecondFactors.email(), SecondFactors.recoveryCodes(RECOVERY)));

        BrowserSession browser = browser();
        Page otp = browser.signIn("amy", PASSWORD);
        assertTrue(otp.hasField("otp"), "the first method is the authenticator app: " + otp.body());
        Page select = otp.submit(Map.of("tryAnotherWay", "on"));
        Map<String, String> choices = select.choices();
        assertEquals(List.of("Authenticator Application", "Text message (SMS)", "Recovery code"),
                List.copyOf(choices.keySet()), "email is not allowed by the policy");

        Page code = select.submit(Map.of("authenticationExecution", choices.get("Text message (SMS)")));
        assertTrue(code.body().contains("phone number \u2022\u2022\u2022\u2022 0001"), code.body());
        Page done = code.submit(Map.of("code", sms.awaitCode("+15550000001", 1)));
        assertNotNull(browser.tokens(done).get("access_token"));
    }

    @Test
    void emailCodeArrivesByMailAndSignsIn() throws Exception {
        policy("OPTIONAL", List.of("EMAIL"), null);
        realm.createUser("ben", PASSWORD, List.of(SecondFactors.email()));
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            realm.useSmtp(smtp.getSmtp().getPort());
            BrowserSession browser = browser();
            Page code = browser.signIn("ben", PASSWORD);
            assertTrue(code.hasField("code"), code.body());
            assertTrue(smtp.waitForIncomingEmail(15_000, 1));
            assertEquals("ben@example.test", smtp.getReceivedMessages()[0].getAllRecipients()[0].toString());
            Matcher sent = Pattern.compile("\\b(\\d{6})\\b").matcher(Mail.plainText(smtp.getReceivedMessages()[0]));
            assertTrue(sent.find());
            assertNotNull(browser.tokens(code.submit(Map.of("code", sent.group(1)))).get("access_token"));
        } finally {
            smtp.stop();
        }
    }

    @Test
    void recoveryCodeWorksOnceInAnyOrder() {
        policy("OPTIONAL", List.of("TOTP"), null);
        realm.createUser("cat", PASSWORD, List.of(SecondFactors.totp(SECRET), SecondFactors.recoveryCodes(RECOVERY)));

        Page first = recoveryPage("cat");
        assertNotNull(first.submit(Map.of("recoveryCode", RECOVERY.get(5).toLowerCase())).code());
        Page again = recoveryPage("cat").submit(Map.of("recoveryCode", RECOVERY.get(5)));
        assertNull(again.code(), "a used code is refused");
        assertTrue(again.body().contains("Invalid recovery code"), again.body());
        assertNotNull(recoveryPage("cat").submit(Map.of("recoveryCode", RECOVERY.get(0))).code());
    }

    @Test
    void sameRecoveryCodeInEightParallelSignInsSucceedsOnce() throws Exception {
        policy("OPTIONAL", List.of("TOTP"), null);
        realm.createUser("dan", PASSWORD, List.of(SecondFactors.totp(SECRET), SecondFactors.recoveryCodes(RECOVERY)));
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pages.add(recoveryPage("dan"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Page>> attempts = pages.stream()
                    .map(page -> (Callable<Page>) () -> page.submit(Map.of("recoveryCode", RECOVERY.get(3))))
                    .toList();
            long signedIn = 0;
            for (Future<Page> result : pool.invokeAll(attempts)) {
                signedIn += result.get().code() != null ? 1 : 0;
            }
            assertEquals(1, signedIn);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void totpCodeIsAcceptedOnlyOnce() {
        policy("OPTIONAL", List.of("TOTP"), null);
        realm.createUserWithTotp("eve", PASSWORD, SECRET);
        String code = Totp.unusedCode(SECRET);
        assertNotNull(browser().signIn("eve", PASSWORD).submit(Map.of("otp", code)).code());
        Page replay = browser().signIn("eve", PASSWORD).submit(Map.of("otp", code));
        assertNull(replay.code(), "the same code again is refused");
        assertTrue(replay.hasField("otp"));
    }

    /**
     * Keycloak records a failure in a transaction of its own, just after the answer, and until then keeps its
     * one-attempt-per-user slot; the code step takes turns, so a code typed meanwhile waits for that record
     * instead of being refused uncounted: codes sent straight after each other are each compared and counted.
     */
    /** The app code step takes turns too: the right code typed straight after a wrong one is checked, and signs in. */
    @Test
    void theRightAppCodeTypedStraightAfterAWrongOneSignsIn() {
        policy("OPTIONAL", List.of("TOTP"), 5);
        realm.createUserWithTotp("ian", PASSWORD, SECRET);
        String code = Totp.unusedCode(SECRET);
        Page wrong = browser().signIn("ian", PASSWORD).submit(Map.of("otp", wrong(code)));
        assertTrue(wrong.hasField("otp"), wrong.body());
        assertNotNull(wrong.submit(Map.of("otp", code)).code(), "the right code signs in at once");
    }

    @Test
    void wrongCodesCountTowardTheLockoutAndALockedUserIsNotChecked() {
        policy("OPTIONAL", List.of("SMS"), 3);
        String id = realm.createUser("fay", PASSWORD, List.of(SecondFactors.sms("+15550000002")));
        Page code = browser().signIn("fay", PASSWORD);
        String sent = sms.awaitCode("+15550000002", 1);
        for (int i = 0; i < 3; i++) {
            code = code.submit(Map.of("code", wrong(sent)));
            assertTrue(code.body().contains("Invalid code") || code.body().contains("Too many wrong codes"),
                    "wrong code " + (i + 1) + " is compared, not refused: " + code.body());
        }
        assertTrue(realm.awaitBruteForce(id, state -> state.path("disabled").asBoolean()
                && state.path("numFailures").asInt() == 3), "three wrong codes lock the account");
        Page refused = code.submit(Map.of("code", sent));
        assertNull(refused.code(), "the right code does not help a locked user");
        assertTrue(refused.body().contains("disabled"), refused.body());
    }

    @Test
    void aCodeAllowsThreeTriesThenANewOneIsNeeded() {
        policy("OPTIONAL", List.of("SMS"), null);
        realm.createUser("gus", PASSWORD, List.of(SecondFactors.sms("+15550000003")));
        Page code = browser().signIn("gus", PASSWORD);
        String sent = sms.awaitCode("+15550000003", 1);
        for (int i = 0; i < 3; i++) {
            code = code.submit(Map.of("code", wrong(sent)));
        }
        Page exhausted = code.submit(Map.of("code", sent));
        assertNull(exhausted.code());
        assertTrue(exhausted.body().contains("Too many wrong codes"), exhausted.body());
    }

    @Test
    void resendIsThrottled() {
        policy("OPTIONAL", List.of("SMS"), null);
        realm.createUser("hal", PASSWORD, List.of(SecondFactors.sms("+15550000004")));
        Page code = browser().signIn("hal", PASSWORD);
        sms.awaitCode("+15550000004", 1);
        Page again = code.submit(Map.of("resend", ""));
        assertTrue(again.body().contains("Please wait"), again.body());
        assertEquals(1, sms.to("+15550000004").size());
    }

    @Test
    void anExpiredCodeIsRefused() {
        policy("OPTIONAL", List.of("SMS"), null);
        realm.createUser("ida", PASSWORD, List.of(SecondFactors.sms("+15550000005")));
        Page code = browser().signIn("ida", PASSWORD);
        String sent = sms.awaitCode("+15550000005", 1);
        // the server stamped the code before sending it, so it has expired once its lifetime after arrival is over
        ServerClock.awaitPast(sms.to("+15550000005").get(0).received().plusSeconds(KeycloakServer.CODE_TTL_SECONDS));
        Page expired = code.submit(Map.of("code", sent));
        assertNull(expired.code());
        assertTrue(expired.body().contains("expired"), expired.body());
    }

    @Test
    void requiredWithOnlySmsAllowedEnrolsAVerifiedPhoneNumber() {
        policy("REQUIRED_ALL", List.of("SMS"), null);
        realm.createUser("jon", PASSWORD);
        Page phone = browser().signIn("jon", PASSWORD);
        assertTrue(phone.hasField("phoneNumber"), phone.body());
        Page invalid = phone.submit(Map.of("phoneNumber", "555"));
        assertTrue(invalid.body().contains("for example +1 555 123 4567"), invalid.body());
        Page code = invalid.submit(Map.of("phoneNumber", "+1 (555) 000-0006"));
        assertTrue(code.hasField("code"), code.body());
        assertNotNull(code.submit(Map.of("code", sms.awaitCode("+15550000006", 1))).code());
        new AuditLog(api, realm.name()).awaitEvent("auth.2fa_enabled", "jon");

        Page next = browser().signIn("jon", PASSWORD);
        assertTrue(next.hasField("code"), "the next sign-in asks for an SMS code: " + next.body());
    }

    @Test
    void optionalPromptsOnceADay() {
        policy("OPTIONAL", List.of("TOTP"), null);
        realm.createUser("kim", PASSWORD);
        Page prompt = browser().open().submit(Map.of("username", "kim", "password", PASSWORD));
        assertTrue(prompt.isSecondFactorReminder(), prompt.body());
        assertTrue(prompt.body().contains("Set up two-factor authentication"), prompt.body());
        assertNotNull(prompt.submit(Map.of("later", "")).code(), "Not now continues the sign-in");
        assertNotNull(browser().open().submit(Map.of("username", "kim", "password", PASSWORD)).code(),
                "no second prompt the same day");

        realm.createUser("lou", PASSWORD);
        Page setup = browser().open().submit(Map.of("username", "lou", "password", PASSWORD))
                .submit(Map.of("setup", ""));
        assertTrue(setup.hasField("totpSecret"), "Set up now leads to enrolment: " + setup.body());
    }

    @Test
    void disabledAsksNoSecondFactorAndOffersNoSetup() {
        policy("DISABLED", List.of("TOTP"), null);
        realm.createUserWithTotp("max", PASSWORD, SECRET);
        realm.createUser("ned", PASSWORD);
        assertNotNull(browser().signIn("max", PASSWORD).code(), "no code asked while 2FA is disabled");
        assertNotNull(browser().open().submit(Map.of("username", "ned", "password", PASSWORD)).code(),
                "no prompt either");
    }

    @Test
    void tokenRequestsAskForTheAppCodeAndRefuseCodeByMessageUsers() {
        policy("OPTIONAL", List.of("TOTP", "SMS"), null);
        realm.createUserWithTotp("oli", PASSWORD, SECRET);
        realm.createUser("pia", PASSWORD, List.of(SecondFactors.sms("+15550000007")));

        assertEquals(400, api.passwordGrant(realm.name(), "oli", PASSWORD).status(), "no code, no token");
        assertNotNull(api.token(realm.name(), "oli", PASSWORD, Totp.unusedCode(SECRET)));
        Response smsOnly = api.passwordGrant(realm.name(), "pia", PASSWORD);
        assertEquals(400, smsOnly.status(), smsOnly.body());
        assertTrue(smsOnly.json().path("error_description").asText().contains("use the browser"), smsOnly.body());
        assertTrue(sms.to("+15550000007").isEmpty(), "nothing is sent for a token request");
    }

    private Page recoveryPage(String username) {
        Page otp = browser().signIn(username, PASSWORD);
        Page select = otp.submit(Map.of("tryAnotherWay", "on"));
        Page recovery = select.submit(Map.of("authenticationExecution", select.choices().get("Recovery code")));
        assertTrue(recovery.hasField("recoveryCode"), recovery.body());
        return recovery;
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private BrowserSession browser() {
        return new BrowserSession(api.baseUrl(), realm.name(), UA);
    }

    private void policy(String enforcement, List<String> methods, Integer maxFailures) {
        ObjectNode doc = (ObjectNode) api.get(policy(), api.masterAdminToken()).json();
        ObjectNode mfa = doc.withObjectProperty("mfa").put("enforcement", enforcement);
        ArrayNode allowed = mfa.putArray("methods");
        methods.forEach(allowed::add);
        ObjectNode lockout = doc.withObjectProperty("lockout");
        if (maxFailures == null) {
            lockout.putNull("maxFailures");
        } else {
            lockout.put("maxFailures", maxFailures);
        }
        Response saved = api.put(policy(), api.masterAdminToken(), doc);
        assertEquals(200, saved.status(), saved.body());
    }

    private String policy() {
        return realm.adminPath() + "/security-center/policy";
    }
}
