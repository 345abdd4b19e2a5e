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
 * declares) stay its own in a realm whose user profile lets users and admins see and edit undeclared attributes:
 * the test server runs with Keycloak's read-only options for them, as README's production section asks, so the
 * account API and the admin API neither show nor change them. Without the options, both showed them and took a
 * forged breach-check mark (204).
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
        RECORDS.forEach(name -> assertFalse(attributes.has(name), "not shown: " + attributes));
        attributes.putArray("securityCenter.breachChecked").add("forged");
        attributes.putArray("securityCenter.passwordCompliance").add("64:ULDS");
        Response refused = api.post(account(), token, forged);
        assertEquals(400, refused.status(), refused.body());
        assertEquals(before, records(id));

        // the realm does let users edit undeclared attributes of their own, and such a save keeps the records
        ObjectNode own = (ObjectNode) api.get(account(), token).json();
        own.withObjectProperty("attributes").putArray("nickname").add("Keeper");
        Response accepted = api.post(account(), token, own);
        assertEquals(204, accepted.status(), accepted.body());
        assertEquals("Keeper", api.get(account(), token).json().path("attributes").path("nickname").path(0).asText());
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
        RECORDS.forEach(name -> assertFalse(attributes.has(name), "not shown: " + attributes));
        attributes.putArray("securityCenter.knownSignIns").add("");
        Response refused = api.put(user, api.masterAdminToken(), forged);
        assertEquals(400, refused.status(), refused.body());
        assertEquals(before, records(id));

        ObjectNode edited = (ObjectNode) api.get(user, api.masterAdminToken()).json();
        edited.withObjectProperty("attributes").putArray("department").add("Audit");
        Response accepted = api.put(user, api.masterAdminToken(), edited);
        assertEquals(204, accepted.status(), accepted.body());
        assertEquals(List.of("Audit"), Sql.userAttribute(id, "department"));
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
