package dev.securitycenter.it.mfa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.RealmManagementRoles;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who "admins" are for Required (Admins): the roles chosen (realm roles or the realm's administration roles), or,
 * when none is, the holders of manage-realm, manage-users or realm-admin — directly, through a composite role or a
 * group. A realm without roles named "Admin" or "Super Admin" can use the mode; the same rule decides enforcement
 * at sign-in and the preview's count.
 */
@ExtendWith(KeycloakTestServer.class)
class AdminRolesIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36";

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;

    @BeforeEach
    void realmWithoutAdminRoles() {
        realm = TestRealm.create(api, "admin-roles", Map.of(
                "roles", Map.of("realm", List.of(Map.of("name", "Auditor")))));
        assertEquals(200, api.post(policy() + "/defaults", api.masterAdminToken(), "").status());
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void withNoRoleChosenTheHoldersOfKeycloaksAdministrationRolesAreTheAdmins() {
        String direct = realm.createUser("direct", PASSWORD);
        RealmManagementRoles.grant(api, realm.name(), direct, "manage-users");
        String viaGroup = realm.createUser("grouped", PASSWORD);
        addToGroupWithRole(viaGroup, "realm-admin");
        realm.createUser("plain", PASSWORD);
        assertEquals(List.of(), values(current().at("/mfa/adminRoles")),
                "the defaults name no role in a realm without Admin or Super Admin");

        JsonNode preview = preview(doc -> mfa(doc).put("enforcement", "REQUIRED_ADMINS"));
        assertEquals(2, warning(preview, "MFA_REQUIRED_ADMINS").path("count").asInt(), preview.toString());
        realm.changePolicy(doc -> mfa(doc).put("enforcement", "REQUIRED_ADMINS"));

        assertTrue(signIn("direct").hasField("totpSecret"), "a direct holder of manage-users must enrol");
        assertTrue(signIn("grouped").hasField("totpSecret"), "realm-admin through a group must enrol");
        assertTrue(signIn("plain").code() != null, "a user without an administration role signs in");
    }

    @Test
    void aChosenAdministrationRoleReplacesTheDefaults() {
        String auditor = realm.createUser("auditor", PASSWORD);
        assertEquals(204, api.post(realm.adminPath() + "/users/" + auditor + "/role-mappings/realm",
                api.masterAdminToken(), List.of(api.get(realm.adminPath() + "/roles/Auditor",
                        api.masterAdminToken()).json())).status());
        String viewer = realm.createUser("viewer", PASSWORD);
        RealmManagementRoles.grant(api, realm.name(), viewer, "view-users");
        String manager = realm.createUser("manager", PASSWORD);
        RealmManagementRoles.grant(api, realm.name(), manager, "manage-users");

        realm.changePolicy(doc -> mfa(doc).put("enforcement", "REQUIRED_ADMINS").putArray("adminRoles")
                .add("Auditor").add("realm-management.view-users"));

        assertTrue(signIn("auditor").hasField("totpSecret"), "a chosen realm role");
        assertTrue(signIn("viewer").hasField("totpSecret"), "a chosen administration role");
        assertTrue(signIn("manager").code() != null, "manage-users no longer makes an admin once roles are chosen");
    }

    @Test
    void unknownRolesAndOtherClientsRolesAreRefusedNamingTheField() {
        Response unknown = save(doc -> mfa(doc).put("enforcement", "REQUIRED_ADMINS").putArray("adminRoles")
                .add("realm-management.manage-users").add("Wizard"));
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(unknown.body().contains("\"field\":\"mfa.adminRoles[1]\""), unknown.body());
        assertTrue(unknown.body().contains("'Wizard' is not a realm role"), unknown.body());

        Response otherClient = save(doc -> mfa(doc).putArray("adminRoles").add("account.manage-account"));
        assertEquals(400, otherClient.status(), otherClient.body());
        assertTrue(otherClient.body().contains("\"field\":\"mfa.adminRoles[0]\""), otherClient.body());
        assertEquals("OPTIONAL", current().at("/mfa/enforcement").asText(), "nothing was saved");
    }

    @Test
    void thePickerIsOfferedTheRealmRolesAndTheAdministrationRoles() {
        JsonNode choices = api.get(policy() + "/choices", api.masterAdminToken()).json();
        assertTrue(values(choices.get("realmRoles")).contains("Auditor"), choices.toString());
        assertTrue(values(choices.get("administrationRoles")).contains("realm-management.manage-users"),
                choices.toString());
        assertFalse(values(choices.get("administrationRoles")).contains("account.manage-account"));
        assertEquals(List.of("realm-management.manage-realm", "realm-management.manage-users",
                "realm-management.realm-admin"), values(choices.get("defaultAdminRoles")));
        assertEquals("realm-management.realm-admin", choices.path("defaultBreakGlassRole").asText());
    }

    private void addToGroupWithRole(String userId, String role) {
        String admin = api.masterAdminToken();
        Response group = api.post(realm.adminPath() + "/groups", admin, Map.of("name", "operators"));
        assertEquals(201, group.status(), group.body());
        String groupId = group.location().substring(group.location().lastIndexOf('/') + 1);
        String clientId = api.get(realm.adminPath() + "/clients?clientId=realm-management", admin).json().get(0)
                .get("id").asText();
        JsonNode roleJson = api.get(realm.adminPath() + "/clients/" + clientId + "/roles/" + role, admin).json();
        assertEquals(204, api.post(realm.adminPath() + "/groups/" + groupId + "/role-mappings/clients/" + clientId,
                admin, List.of(roleJson)).status());
        assertEquals(204, api.put(realm.adminPath() + "/users/" + userId + "/groups/" + groupId, admin, "")
                .status());
    }

    private BrowserSession.Page signIn(String username) {
        return new BrowserSession(api.baseUrl(), realm.name(), UA).signIn(username, PASSWORD);
    }

    private String policy() {
        return realm.adminPath() + "/security-center/policy";
    }

    private JsonNode current() {
        return api.get(policy(), api.masterAdminToken()).json();
    }

    private Response save(Consumer<ObjectNode> change) {
        ObjectNode doc = (ObjectNode) current();
        change.accept(doc);
        return api.put(policy(), api.masterAdminToken(), doc);
    }

    private JsonNode preview(Consumer<ObjectNode> change) {
        ObjectNode doc = (ObjectNode) current();
        change.accept(doc);
        return api.post(policy() + "/preview", api.masterAdminToken(), doc).json();
    }

    private static ObjectNode mfa(ObjectNode doc) {
        return doc.withObjectProperty("mfa");
    }

    private static JsonNode warning(JsonNode preview, String code) {
        return StreamSupport.stream(preview.get("warnings").spliterator(), false)
                .filter(w -> code.equals(w.path("code").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + preview));
    }

    private static List<String> values(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
