package dev.securitycenter.it.password;

import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakServer;
import dev.securitycenter.it.support.PwnedPasswordsStub;
import dev.securitycenter.it.support.TestDatabase;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server of its own, started with the breach check set to fail closed and without its cache (so every question
 * it asks the range API shows at the stub): a password that could not be checked is refused where it is set, sign-in
 * is never refused for it, and a password once found clean is not looked up again at sign-in.
 */
class BreachedPasswordFailClosedIT {

    private static final String GOOD = "Quartz-Lantern-Ferry-81!";
    private static final String UNCHECKED_MESSAGE = "could not be checked against known data breaches";

    private static KeycloakServer server;
    private static KeycloakApi api;
    private static TestRealm realm;

    @BeforeAll
    static void failClosedServer() {
        Path home = KeycloakServer.copyOfDistribution("kc-fail-closed");
        server = KeycloakServer.start(new TestDatabase.H2(home.resolve("data").resolve("h2")), home, "fail-closed",
                List.of("--spi-security-center-breached-passwords--pwned-passwords--fail-closed=true",
                        "--spi-security-center-breached-passwords--pwned-passwords--cache-seconds=0"));
        api = new KeycloakApi(server.baseUrl());
        realm = TestRealm.create(api, "breach-fail-closed", Map.of());
        assertEquals(200, api.post(realm.adminPath() + "/security-center/policy/defaults", api.masterAdminToken(),
                "").status());
        realm.changePolicy(doc -> doc.withObjectProperty("password").put("blockBreached", true));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPasswordThatCouldNotBeCheckedIsRefusedWhereItIsSet() {
        String slow = "Pebble-Thistle-Lagoon-64!";
        stub().slowFor(slow);
        realm.createUser("amy", GOOD);
        String token = api.token(realm.name(), "amy", GOOD);
        Response refused = change(token, GOOD, slow);
        assertEquals(400, refused.status(), refused.body());
        assertEquals("newPassword", refused.json().at("/errors/0/field").asText(), refused.body());
        assertEquals("breached", refused.json().at("/errors/0/rule").asText(), refused.body());
        assertTrue(refused.json().at("/errors/0/message").asText().contains(UNCHECKED_MESSAGE), refused.body());
        assertEquals(200, api.passwordGrant(realm.name(), "amy", GOOD).status(), "unchanged");
    }

    @Test
    void signInIsNeverRefusedBecauseTheCheckIsUnavailable() {
        String slowAtSignIn = "Harvest-Mosaic-Pylon-39!";
        realm.createUser("ben", slowAtSignIn);
        stub().slowFor(slowAtSignIn);
        assertEquals(200, api.passwordGrant(realm.name(), "ben", slowAtSignIn).status());
    }

    @Test
    void aPasswordFoundCleanIsLookedUpAtMostOnceUntilItChanges() {
        String first = "Walnut-Beacon-Tremor-52!";
        String second = "Saffron-Glacier-Anvil-08!";
        realm.createUser("cara", first);
        assertEquals(200, api.passwordGrant(realm.name(), "cara", first).status());
        int afterFirstSignIn = stub().requestsFor(first).size();
        assertTrue(afterFirstSignIn >= 1, "checked when set or at the first sign-in");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, api.passwordGrant(realm.name(), "cara", first).status());
        }
        assertEquals(afterFirstSignIn, stub().requestsFor(first).size(), "not asked again at sign-in");

        // the grants above ended the oldest sessions (the realm allows 3), that token's among them
        Response changed = change(api.token(realm.name(), "cara", first), first, second);
        assertEquals(200, changed.status(), changed.body());
        int afterChange = stub().requestsFor(second).size();
        assertTrue(afterChange >= 1, "checked when set");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, api.passwordGrant(realm.name(), "cara", second).status());
        }
        assertEquals(afterChange, stub().requestsFor(second).size(), "found clean when set: not asked at sign-in");
    }

    private static PwnedPasswordsStub stub() {
        return server.pwnedPasswords();
    }

    private static Response change(String token, String current, String password) {
        return api.post("/realms/" + realm.name() + "/security-center/account/password", token,
                Map.of("currentPassword", current, "newPassword", password, "confirmation", password));
    }
}
