package dev.securitycenter.it.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sign-in beyond the concurrent-session limit ends the oldest session, the browser of that session is told why
 * at its next page load, and nothing of it counts as a failed sign-in.
 */
@ExtendWith(KeycloakTestServer.class)
class SessionLimitAtSignInIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final String NOTICE = "because your account signed in on another device";

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;

    @BeforeEach
    void realmWithOneSessionPerUser() {
        realm = TestRealm.create(api, "session-limit", Map.of());
        String policy = realm.adminPath() + "/security-center/policy";
        assertEquals(200, api.post(policy + "/defaults", api.masterAdminToken(), "").status());
        ObjectNode doc = (ObjectNode) api.get(policy, api.masterAdminToken()).json();
        doc.withObjectProperty("sessions").put("maxConcurrentSessions", 1);
        assertEquals(200, api.put(policy, api.masterAdminToken(), doc).status());
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void theOldestSessionEndsAndItsBrowserIsToldWhyOnce() {
        String userId = realm.createUser("vera", PASSWORD);
        BrowserSession laptop = new BrowserSession(api.baseUrl(), realm.name(), "Laptop");
        JsonNode laptopTokens = laptop.tokens(laptop.signIn("vera", PASSWORD));
        assertEquals(200, refresh(laptopTokens).status(), "the laptop's session is alive");

        BrowserSession phone = new BrowserSession(api.baseUrl(), realm.name(), "Phone");
        phone.tokens(phone.signIn("vera", PASSWORD));

        assertEquals(400, refresh(laptopTokens).status(), "the phone's sign-in ended the laptop's session");
        assertEquals(1, api.get(realm.adminPath() + "/users/" + userId + "/sessions", api.masterAdminToken())
                .json().size());

        Page laptopAgain = laptop.open();
        assertTrue(laptopAgain.hasField("password"), "the laptop must sign in again");
        assertTrue(laptopAgain.body().contains(NOTICE), "and is told why:\n" + laptopAgain.body());
        assertFalse(laptop.open().body().contains(NOTICE), "once");
        assertFalse(new BrowserSession(api.baseUrl(), realm.name(), "Tablet").open().body().contains(NOTICE),
                "a browser that had no session is told nothing");

        JsonNode failures = api.get(realm.adminPath() + "/attack-detection/brute-force/users/" + userId,
                api.masterAdminToken()).json();
        assertEquals(0, failures.get("numFailures").asInt(), "ending a session is no failed sign-in: " + failures);
    }

    private Response refresh(JsonNode tokens) {
        return api.postForm("/realms/" + realm.name() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "refresh_token", "client_id", "account-console",
                "refresh_token", tokens.get("refresh_token").asText()));
    }
}
