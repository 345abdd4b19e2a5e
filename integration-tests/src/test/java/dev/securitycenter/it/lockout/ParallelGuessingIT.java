package dev.securitycenter.it.lockout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.AllAtOnce;
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

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An attacker who fires many guesses at once gets exactly the lockout threshold's number of them compared, on
 * every path that checks a password, for temporary and manual-unlock lockouts alike. What was compared is counted
 * from the server's own records: Keycloak's failed-login events (why each attempt failed) and its brute-force
 * failure count.
 */
@ExtendWith(KeycloakTestServer.class)
class ParallelGuessingIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final int THRESHOLD = 3;
    private static final int GUESSES = 30;
    private static final Integer MANUAL_UNLOCK = null;

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;

    @BeforeEach
    void createRealm() {
        // Keycloak's own event store records, per attempt, whether the password was checked
        // (invalid_user_credentials) or the attempt was refused before that.
        realm = TestRealm.create(api, "guessing", Map.of("eventsEnabled", true));
        assertEquals(200, api.post(realm.adminPath() + "/security-center/policy/defaults", api.masterAdminToken(),
                "").status());
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void parallelWrongPasswordsAtTheTokenEndpointLockAfterExactlyTheThreshold() throws Exception {
        lockout(30);
        String userId = realm.createUser("quinn", PASSWORD);

        List<Integer> statuses = AllAtOnce.run(wrongGrants("quinn", GUESSES));
        assertTrue(statuses.stream().allMatch(s -> s == 400 || s == 401), statuses.toString());

        assertLockedAfterExactlyTheThreshold(userId, false);
        assertEquals(GUESSES, loginErrors(userId).size(), "every guess is a recorded failed sign-in");
        assertEquals(400, api.passwordGrant(realm.name(), "quinn", PASSWORD).status(),
                "the account is locked: even the right password is refused");
    }

    /**
     * Guesses queued behind the one that locks the account must not compare anything, although their requests
     * looked the user up while it was still enabled; nor may the right password, queued behind them, get a token.
     */
    @Test
    void guessesQueuedBehindAManualUnlockLockoutCompareNothingAndGetNoToken() throws Exception {
        lockout(MANUAL_UNLOCK);
        String userId = realm.createUser("rhea", PASSWORD);

        List<Callable<Integer>> attempts = new ArrayList<>(wrongGrants("rhea", 6));
        for (int i = 0; i < 3; i++) {
            attempts.add(() -> {
                Thread.sleep(150);
                return api.passwordGrant(realm.name(), "rhea", PASSWORD).status();
            });
        }
        List<Integer> statuses = AllAtOnce.run(attempts);

        assertFalse(statuses.contains(200), "no token once the account is locked: " + statuses);
        assertLockedAfterExactlyTheThreshold(userId, true);
        assertFalse(user(userId).get("enabled").asBoolean(), "manual unlock only: Keycloak disabled the user");
    }

    @Test
    void parallelWrongPasswordsOnTheSignInPageLockAfterExactlyTheThreshold() throws Exception {
        lockout(30);
        String userId = realm.createUser("rosa", PASSWORD);

        List<Integer> statuses = AllAtOnce.run(wrongSignIns("rosa", GUESSES));
        assertTrue(statuses.stream().allMatch(s -> s == 200), "the sign-in page again, each time: " + statuses);

        assertLockedAfterExactlyTheThreshold(userId, false);
        assertEquals(GUESSES, loginErrors(userId).size(), "every guess is a recorded failed sign-in");
        Page locked = new BrowserSession(api.baseUrl(), realm.name(), "ParallelGuessingIT").signIn("rosa", PASSWORD);
        assertNull(locked.code(), "the account is locked: even the right password does not sign in");
    }

    @Test
    void parallelWrongPasswordsOnTheSignInPageLockAManualUnlockAccountAfterExactlyTheThreshold() throws Exception {
        lockout(MANUAL_UNLOCK);
        String userId = realm.createUser("sven", PASSWORD);

        AllAtOnce.run(wrongSignIns("sven", GUESSES));

        assertLockedAfterExactlyTheThreshold(userId, true);
        Page locked = new BrowserSession(api.baseUrl(), realm.name(), "ParallelGuessingIT").signIn("sven", PASSWORD);
        assertNull(locked.code(), "the account is locked: even the right password does not sign in");
    }

    @Test
    void parallelWrongCurrentPasswordsOnTheAccountApiLockAfterExactlyTheThreshold() throws Exception {
        lockout(30);
        assertAccountApiBurstComparesExactlyTheThreshold("tara", false);
    }

    @Test
    void parallelWrongCurrentPasswordsOnTheAccountApiLockAManualUnlockAccountAfterExactlyTheThreshold()
            throws Exception {
        lockout(MANUAL_UNLOCK);
        assertAccountApiBurstComparesExactlyTheThreshold("uma", true);
    }

    /**
     * Waiting for a turn must not let one victim's flood hold the server: beyond a few queued guesses the rest are
     * refused at once, and other users keep signing in while the flood runs.
     */
    @Test
    void aFloodOfTwoHundredGuessesForOneUserLeavesOtherUsersSigningIn() throws Exception {
        lockout(30);
        String victim = realm.createUser("victor", PASSWORD);
        realm.createUser("wendy", PASSWORD);

        // one connection per request, as 200 attacking machines would open (no HTTP/2 stream limit)
        HttpClient attacker = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService flood = Executors.newFixedThreadPool(200);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> guesses = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String guess = "Wrong-Guess-" + i + "!";
                guesses.add(flood.submit(() -> {
                    start.await();
                    return wrongGrant(attacker, "victor", guess);
                }));
            }
            start.countDown();
            Thread.sleep(200);
            long began = System.nanoTime();
            Response other = api.passwordGrant(realm.name(), "wendy", PASSWORD);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began);
            assertEquals(200, other.status(), other.body());
            assertTrue(seconds < 30, "another user signed in during the flood, in " + seconds + " s");
            for (Future<Integer> guess : guesses) {
                int status = guess.get(60, TimeUnit.SECONDS);
                assertTrue(status == 400 || status == 401, "refused: " + status);
            }
        } finally {
            flood.shutdownNow();
        }
        assertLockedAfterExactlyTheThreshold(victim, false);
    }

    private int wrongGrant(HttpClient client, String username, String password) throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=" + username + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/realms/" + realm.name()
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void assertAccountApiBurstComparesExactlyTheThreshold(String username, boolean permanent)
            throws Exception {
        String userId = realm.createUser(username, PASSWORD);
        String token = api.token(realm.name(), username, PASSWORD);
        String path = "/realms/" + realm.name() + "/security-center/account/password";
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < GUESSES; i++) {
            String guess = "Wrong-Guess-" + i + "!";
            guesses.add(() -> api.post(path, token, Map.of("currentPassword", guess,
                    "newPassword", "Battery-Staple-77?", "confirmation", "Battery-Staple-77?")).status());
        }
        List<Integer> statuses = AllAtOnce.run(guesses);

        assertEquals(THRESHOLD, statuses.stream().filter(s -> s == 400).count(),
                "wrong current password, compared: " + statuses);
        assertEquals(GUESSES - THRESHOLD, statuses.stream().filter(s -> s == 403).count(),
                "refused as locked, not compared: " + statuses);
        assertLocked(userId, permanent);
    }

    /** The server's records: exactly the threshold's number of failures, and the account locked. */
    private void assertLockedAfterExactlyTheThreshold(String userId, boolean permanent) throws InterruptedException {
        List<String> errors = loginErrors(userId);
        assertEquals(THRESHOLD, errors.stream().filter("invalid_user_credentials"::equals).count(),
                "guesses whose password was compared: " + errors);
        assertLocked(userId, permanent);
    }

    private void assertLocked(String userId, boolean permanent) throws InterruptedException {
        assertTrue(realm.awaitBruteForce(userId, state -> state.path("disabled").asBoolean()), "locked");
        // failures are recorded just after each response: give stragglers time to show
        Thread.sleep(1000);
        JsonNode state = api.get(realm.adminPath() + "/attack-detection/brute-force/users/" + userId,
                api.masterAdminToken()).json();
        assertEquals(THRESHOLD, state.path("numFailures").asInt(), "failures Keycloak counted: " + state);
        assertEquals(permanent, !user(userId).path("enabled").asBoolean(), "permanent lockout disables the user");
    }

    private void lockout(Integer durationMinutes) {
        realm.changePolicy(policy -> {
            policy.withObjectProperty("lockout").put("maxFailures", THRESHOLD);
            policy.withObjectProperty("lockout").put("durationMinutes", durationMinutes);
        });
    }

    private List<Callable<Integer>> wrongGrants(String username, int count) {
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String guess = "Wrong-Guess-" + i + "!";
            guesses.add(() -> api.passwordGrant(realm.name(), username, guess).status());
        }
        return guesses;
    }

    private List<Callable<Integer>> wrongSignIns(String username, int count) {
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // each guess in its own browser, its sign-in page already open, so that only the posts run together
            Page signInPage = new BrowserSession(api.baseUrl(), realm.name(), "ParallelGuessingIT").open();
            String guess = "Wrong-Guess-" + i + "!";
            guesses.add(() -> signInPage.submit(Map.of("username", username, "password", guess)).status());
        }
        return guesses;
    }

    private JsonNode user(String userId) {
        return api.get(realm.adminPath() + "/users/" + userId, api.masterAdminToken()).json();
    }

    /** Keycloak's own record of each failed attempt: why it failed. */
    private List<String> loginErrors(String userId) {
        Response events = api.get(realm.adminPath() + "/events?type=LOGIN_ERROR&user=" + userId + "&max=500",
                api.masterAdminToken());
        assertEquals(200, events.status(), events.body());
        return StreamSupport.stream(events.json().spliterator(), false).map(e -> e.path("error").asText()).toList();
    }
}
