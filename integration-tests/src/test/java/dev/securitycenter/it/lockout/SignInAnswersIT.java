package dev.securitycenter.it.lockout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.BrowserSession.Page;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Whoever tries a username learns nothing about the account: an unknown user, a wrong password and a locked
 * account (temporarily or until an admin unlocks it, even with the right password) get the same answer.
 */
@ExtendWith(KeycloakTestServer.class)
class SignInAnswersIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;

    @BeforeEach
    void createRealm() {
        realm = TestRealm.create(api, "answers", Map.of());
        assertEquals(200, api.post(policy() + "/defaults", api.masterAdminToken(), "").status());
        realm.createUser("uma", PASSWORD);
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void temporarilyLockedAccountsAnswerLikeWrongPasswordsAndUnknownUsers() {
        setLockout(30);
        assertSameAnswers("uma");
    }

    @Test
    void accountsLockedUntilAnAdminUnlocksThemAnswerTheSameToo() {
        setLockout(null);
        assertSameAnswers("uma");
    }

    private void assertSameAnswers(String username) {
        String wrongPassword = pageError(username, "Not-The-Password-1!");
        String unknownUser = pageError("nobody-" + username, PASSWORD);
        assertEquals(wrongPassword, unknownUser, "unknown user");
        Response grantWrong = api.passwordGrant(realm.name(), username, "Not-The-Password-2!");
        Response grantUnknown = api.passwordGrant(realm.name(), "nobody-" + username, PASSWORD);
        assertSameGrantAnswer(grantWrong, grantUnknown, "unknown user at the token endpoint");

        api.passwordGrant(realm.name(), username, "Not-The-Password-3!");
        new AuditLog(api, realm.name()).awaitEvent("auth.account_locked", username);

        assertEquals(wrongPassword, pageError(username, PASSWORD), "locked account, right password");
        assertSameGrantAnswer(grantWrong, api.passwordGrant(realm.name(), username, PASSWORD),
                "locked account, right password, at the token endpoint");
    }

    private static void assertSameGrantAnswer(Response expected, Response actual, String what) {
        assertEquals(expected.status(), actual.status(), what + ": " + actual.body());
        assertEquals(expected.json().get("error"), actual.json().get("error"), what);
        assertEquals(expected.json().get("error_description"), actual.json().get("error_description"), what);
    }

    private String pageError(String username, String password) {
        Page page = new BrowserSession(api.baseUrl(), realm.name(), "SignInAnswersIT").signIn(username, password);
        assertNull(page.code(), "not signed in");
        return page.feedback().orElseThrow(() -> new AssertionError("no error message on the sign-in page:\n"
                + page.body()));
    }

    private void setLockout(Integer minutes) {
        ObjectNode doc = (ObjectNode) api.get(policy(), api.masterAdminToken()).json();
        doc.withObjectProperty("lockout").put("maxFailures", 3);
        if (minutes == null) {
            doc.withObjectProperty("lockout").putNull("durationMinutes");
        } else {
            doc.withObjectProperty("lockout").put("durationMinutes", minutes);
        }
        assertEquals(200, api.put(policy(), api.masterAdminToken(), doc).status());
    }

    private String policy() {
        return realm.adminPath() + "/security-center/policy";
    }
}
