package dev.securitycenter.it.surface;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Sql;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The records the extension keeps on each user (attributes {@code securityCenter.*}, which no user profile
 * declares) stay its own in a realm whose user profile lets users and admins edit undeclared attributes: the test
 * server runs with Keycloak's read-only options for them, as README's production section asks, and they hold on
 * the account API and the admin API. Without them, a user could mark a breached password as checked.
 */
@ExtendWith(KeycloakTestServer.class)
class UserRecordsIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final List<String> RECORDS = List.of("securityCenter.passwordCompliance",
            "securityCenter.breachChecked", "securityCenter.knownSignIns");

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;

    @BeforeEach
    void realmWhoseUsersMayEditUndeclaredAttributes() {
        realm = TestRealm.create(api, "user-records", Map.of());
        assertEquals(200, api.post(realm.adminPath() + "/security-center/policy/defaults", api.masterAdminToken(), "")
                .status());
        ObjectNode profile = (ObjectNode) api.get(realm.adminPath() + "/users/profile", api.masterAdminToken()).json();
        profile.put("unmanagedAttributePolicy", "ENABLED");
        Response saved = api.put(realm.adminPath() + "/users/profile", api.masterAdminToken(), profile);
        assertEquals(200, saved.status(), saved.body());
    }

    @AfterEach
    void cleanUp() {
        realm.close();
    }

    @Test
    void aUserCannotRewriteTheirRecordsThroughTheAccountApi() throws Exception {
        String id = realm.createUser("keeper", PASSWORD);
        String token = api.token(realm.name(), "keeper", PASSWORD);
        Map<String, List<Object>> before = records(id);
        assertFalse(before.get("securityCenter.knownSignIns").isEmpty(), "the sign-in was recorded: " + before);

        ObjectNode forged = (ObjectNode) api.get(account(), token).json();
        ObjectNode attributes = forged.withObjectProperty("attributes");
        assertTrue(attributes.has("securityCenter.knownSignIns"), "users see undeclared attributes: " + attributes);
        attributes.putArray("securityCenter.breachChecked").add("forged");
        attributes.putArray("securityCenter.passwordCompliance").add("64:ULDS");
        Response refused = api.post(account(), token, forged);
        assertEquals(400, refused.status(), refused.body());
        assertEquals(before, records(id));

        // an attribute of the user's own still saves, and a request that leaves the records out keeps them
        ObjectNode own = (ObjectNode) api.get(account(), token).json();
        ObjectNode ownAttributes = own.withObjectProperty("attributes");
        RECORDS.forEach(ownAttributes::remove);
        ownAttributes.putArray("nickname").add("Keeper");
        Response accepted = api.post(account(), token, own);
        assertEquals(204, accepted.status(), accepted.body());
        assertEquals(List.of("Keeper"), Sql.userAttribute(id, "nickname"));
        assertEquals(before, records(id));
    }

    @Test
    void anAdminCannotRewriteThemThroughTheAdminApi() throws Exception {
        String id = realm.createUser("kept", PASSWORD);
        api.token(realm.name(), "kept", PASSWORD);
        Map<String, List<Object>> before = records(id);
        String user = realm.adminPath() + "/users/" + id;

        ObjectNode forged = (ObjectNode) api.get(user, api.masterAdminToken()).json();
        ObjectNode attributes = forged.withObjectProperty("attributes");
        assertTrue(attributes.has("securityCenter.knownSignIns"), "admins see undeclared attributes: " + attributes);
        attributes.putArray("securityCenter.knownSignIns").add("");
        Response refused = api.put(user, api.masterAdminToken(), forged);
        assertEquals(400, refused.status(), refused.body());
        assertEquals(before, records(id));

        ObjectNode unchanged = (ObjectNode) api.get(user, api.masterAdminToken()).json();
        unchanged.put("firstName", "Kept");
        Response accepted = api.put(user, api.masterAdminToken(), unchanged);
        assertEquals(204, accepted.status(), accepted.body());
        assertEquals(before, records(id));
    }

    /** The start-up check reads the options where Keycloak does: it stays silent on this server. */
    @Test
    void theServerDoesNotWarnWhenTheRecordsAreProtected() throws Exception {
        String log = Files.readString(KeycloakTestServer.server().logFile());
        assertTrue(log.contains("Installed features"), "the server's own log");
        assertFalse(log.contains("can be rewritten by users or admins"), "no warning at start");
    }

    private String account() {
        return "/realms/" + realm.name() + "/account/";
    }

    private static Map<String, List<Object>> records(String userId) throws Exception {
        Map<String, List<Object>> records = new LinkedHashMap<>();
        for (String name : RECORDS) {
            records.put(name, Sql.userAttribute(userId, name));
        }
        return records;
    }
}
