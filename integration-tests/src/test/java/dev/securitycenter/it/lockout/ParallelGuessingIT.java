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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An attacker who fires many guesses at once must not get more of them checked than the lockout threshold allows:
 * the check of "is this account locked" and the recording of a failure must not race.
 */
@ExtendWith(KeycloakTestServer.class)
class ParallelGuessingIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final int THRESHOLD = 5;
    private static final int GUESSES = 50;

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;

    @BeforeEach
    void createRealm() {
        // Keycloak's own event store records, per attempt, whether the password was checked
        // (invalid_user_credentials) or the attempt was refused before that.
        realm = TestRealm.create(api, "guessing", Map.of("eventsEnabled", true));
        assertEquals(200, api.post(policyPath() + "/defaults", api.masterAdminToken(), "").status());
        ObjectNode doc = (ObjectNode) api.get(policyPath(), api.masterAdminToken()).json();
        doc.withObjectProperty("lockout").put("maxFailures", THRESHOLD).put("durationMinutes", 30);
        assertEquals(200, api.put(policyPath(), api.masterAdminToken(), doc).status());
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void fiftyParallelWrongPasswordsAtTheTokenEndpointLockTheAccountAfterAtMostTheThresholdChecks() throws Exception {
        String userId = realm.createUser("quinn", PASSWORD);
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < GUESSES; i++) {
            String guess = "Wrong-Guess-" + i + "!";
            guesses.add(() -> api.passwordGrant(realm.name(), "quinn", guess).status());
        }
        List<Integer> statuses = runTogether(guesses);
        assertTrue(statuses.stream().allMatch(s -> s == 400 || s == 401), statuses.toString());

        assertLockedAfterAtMostThresholdChecks("quinn", userId);
        assertEquals(400, api.passwordGrant(realm.name(), "quinn", PASSWORD).status(),
                "the account is locked: even the right password is refused");
    }

    @Test
    void fiftyParallelWrongPasswordsOnTheSignInPageLockTheAccountAfterAtMostTheThresholdChecks() throws Exception {
        String userId = realm.createUser("rosa", PASSWORD);
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < GUESSES; i++) {
            // each guess in its own browser, its sign-in page already open, so that only the posts run together
            Page signInPage = new BrowserSession(api.baseUrl(), realm.name(), "ParallelGuessingIT").open();
            String guess = "Wrong-Guess-" + i + "!";
            guesses.add(() -> signInPage.submit(Map.of("username", "rosa", "password", guess)).status());
        }
        List<Integer> statuses = runTogether(guesses);
        assertTrue(statuses.stream().allMatch(s -> s == 200), "the sign-in page again, each time: " + statuses);

        assertLockedAfterAtMostThresholdChecks("rosa", userId);
        Page locked = new BrowserSession(api.baseUrl(), realm.name(), "ParallelGuessingIT").signIn("rosa", PASSWORD);
        assertNull(locked.code(), "the account is locked: even the right password does not sign in");
    }

    private void assertLockedAfterAtMostThresholdChecks(String username, String userId) {
        new AuditLog(api, realm.name()).awaitEvent("auth.account_locked", username);
        List<String> errors = loginErrors(userId);
        long checked = errors.stream().filter("invalid_user_credentials"::equals).count();
        assertTrue(checked <= THRESHOLD, checked + " of " + GUESSES + " guesses were checked: " + errors);
        assertTrue(checked >= 1, "at least the first guess is checked: " + errors);
        assertEquals(GUESSES, errors.size(), "every guess is a recorded failed sign-in: " + errors);
    }

    private static List<Integer> runTogether(List<Callable<Integer>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> task : tasks) {
                results.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Keycloak's own record of each failed attempt: why it failed. */
    private List<String> loginErrors(String userId) {
        Response events = api.get(realm.adminPath() + "/events?type=LOGIN_ERROR&user=" + userId + "&max=500",
                api.masterAdminToken());
        assertEquals(200, events.status(), events.body());
        return StreamSupport.stream(events.json().spliterator(), false).map(e -> e.path("error").asText()).toList();
    }

    private String policyPath() {
        return realm.adminPath() + "/security-center/policy";
    }
}
