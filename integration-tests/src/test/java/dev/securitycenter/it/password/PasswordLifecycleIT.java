package dev.securitycenter.it.password;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.BrowserSession.Page;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Sql;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The policy's expiry and reuse rules, as a user meets them at sign-in. */
@ExtendWith(KeycloakTestServer.class)
class PasswordLifecycleIT {

    private static final String FIRST = "First-Password-2026!";
    private static final String SECOND = "Second-Password-2026!";
    private static final String THIRD = "Third-Password-2026!";
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36";

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;

    @BeforeEach
    void realmWithExpiryAndReuseRules() {
        realm = TestRealm.create(api, "password-life", Map.of());
        assertEquals(200, api.post(policy() + "/defaults", api.masterAdminToken(), "").status());
        ObjectNode doc = (ObjectNode) api.get(policy(), api.masterAdminToken()).json();
        doc.withObjectProperty("password").put("expiryDays", 30).put("preventReuse", 3);
        assertEquals(200, api.put(policy(), api.masterAdminToken(), doc).status());
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void anExpiredPasswordMustBeChangedAndNotToOneOfTheLastThree() throws Exception {
        String userId = realm.createUser("omar", FIRST);
        resetPassword(userId, SECOND);
        assertSignInAsksNothing("omar", SECOND);

        ageCurrentPassword(userId, Duration.ofDays(31));
        Response script = api.passwordGrant(realm.name(), "omar", SECOND);
        assertEquals(400, script.status(), "a token request cannot change the expired password: " + script.body());

        Page update = new BrowserSession(api.baseUrl(), realm.name(), UA).signIn("omar", SECOND);
        assertTrue(update.hasField("password-new"), "asked for a new password: " + update.body());
        for (String reused : new String[] {FIRST, SECOND}) {
            Page refused = update.submit(Map.of("password-new", reused, "password-confirm", reused));
            assertTrue(refused.hasField("password-new"), "one of the last three passwords is refused");
            assertTrue(refused.body().contains("last 3 passwords"), refused.body());
            update = refused;
        }
        Page done = update.submit(Map.of("password-new", THIRD, "password-confirm", THIRD));
        assertNotNull(done.code(), "a new password finishes the sign-in: " + done.body());
        assertEquals(200, api.passwordGrant(realm.name(), "omar", THIRD).status());
        assertEquals(400, api.passwordGrant(realm.name(), "omar", SECOND).status());
    }

    @Test
    void aPasswordYoungerThanTheExpiryIsNotAskedFor() throws Exception {
        String userId = realm.createUser("pia", FIRST);
        ageCurrentPassword(userId, Duration.ofDays(29));
        assertSignInAsksNothing("pia", FIRST);
        assertEquals(200, api.passwordGrant(realm.name(), "pia", FIRST).status());
    }

    private void assertSignInAsksNothing(String username, String password) {
        Page done = new BrowserSession(api.baseUrl(), realm.name(), UA).signIn(username, password);
        assertFalse(done.hasField("password-new"), "not asked to change the password");
        assertNotNull(done.code(), "signed in: " + done.body());
    }

    private void resetPassword(String userId, String password) {
        Response reset = api.put(realm.adminPath() + "/users/" + userId + "/reset-password", api.masterAdminToken(),
                Map.of("type", "password", "value", password, "temporary", false));
        assertEquals(204, reset.status(), reset.body());
    }

    /** Keycloak measures expiry from the password credential's creation time. */
    private void ageCurrentPassword(String userId, Duration age) throws Exception {
        long created = System.currentTimeMillis() - age.toMillis();
        assertEquals(1, Sql.update("update CREDENTIAL set CREATED_DATE = ? where USER_ID = ? and TYPE = 'password'",
                created, userId));
        // the user (and its credentials) may be cached: an admin update of the user evicts it
        Response touched = api.put(realm.adminPath() + "/users/" + userId, api.masterAdminToken(),
                Map.of("firstName", "Aged"));
        assertEquals(204, touched.status(), touched.body());
    }

    private String policy() {
        return realm.adminPath() + "/security-center/policy";
    }
}
