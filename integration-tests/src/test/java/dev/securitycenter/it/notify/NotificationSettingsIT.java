package dev.securitycenter.it.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.AuditLog;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The policy's notification switches: on by default for new sign-ins and credential changes, off for an alert on
 * every lockout; saved as realm attributes, previewed, reset by "Set up security defaults", and audited.
 */
@ExtendWith(KeycloakTestServer.class)
class NotificationSettingsIT {

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;

    @BeforeEach
    void createRealm() {
        realm = TestRealm.create(api, "notification-settings", Map.of());
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void aNewRealmSendsSignInAndCredentialMailsButNoAlertOnEveryLockout() {
        assertSwitches(true, true, false, policy().get("notifications"));
    }

    @Test
    void savedSwitchesAreKeptByTheRealmAuditedAndResetByTheDefaults() {
        assertEquals(200, api.post(policyPath() + "/defaults", api.masterAdminToken(), "").status());
        ObjectNode doc = (ObjectNode) policy();
        doc.withObjectProperty("notifications").put("newSignIn", false).put("credentialChanges", false)
                .put("adminEachLockout", true);
        Response preview = api.post(policyPath() + "/preview", api.masterAdminToken(), doc);
        assertEquals(200, preview.status(), preview.body());
        assertTrue(preview.json().get("errors").isEmpty(), preview.body());
        assertSwitches(true, true, false, policy().get("notifications"));

        Response saved = api.put(policyPath(), api.masterAdminToken(), doc);

        assertEquals(200, saved.status(), saved.body());
        assertSwitches(false, false, true, policy().get("notifications"));
        JsonNode attributes = api.get(realm.adminPath(), api.masterAdminToken()).json().get("attributes");
        assertEquals("false", attributes.get("securityCenter.notifications.newSignIn").asText(), attributes.toString());
        assertEquals("true", attributes.get("securityCenter.notifications.adminEachLockout").asText());
        JsonNode updated = new AuditLog(api, realm.name()).awaitEvent("policy.updated", null,
                e -> e.at("/details/changes").toString().contains("notifications.newSignIn"));
        assertTrue(updated.at("/details/changes").toString().contains("notifications.adminEachLockout"),
                updated.toString());

        assertEquals(200, api.post(policyPath() + "/defaults", api.masterAdminToken(), "").status());
        assertSwitches(true, true, false, policy().get("notifications"));
    }

    private static void assertSwitches(boolean newSignIn, boolean credentialChanges, boolean adminEachLockout,
                                       JsonNode notifications) {
        assertEquals(newSignIn, notifications.get("newSignIn").asBoolean(), notifications.toString());
        assertEquals(credentialChanges, notifications.get("credentialChanges").asBoolean(), notifications.toString());
        assertEquals(adminEachLockout, notifications.get("adminEachLockout").asBoolean(), notifications.toString());
    }

    private JsonNode policy() {
        Response read = api.get(policyPath(), api.masterAdminToken());
        assertEquals(200, read.status(), read.body());
        return read.json();
    }

    private String policyPath() {
        return realm.adminPath() + "/security-center/policy";
    }
}
