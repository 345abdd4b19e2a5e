package dev.securitycenter.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.KeycloakApi.Response;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Gives users of a test realm the admin roles of its {@code realm-management} client, as an admin would. */
public final class RealmManagementRoles {

    private RealmManagementRoles() {
    }

    public static void grant(KeycloakApi api, String realm, String userId, String... roles) {
        if (roles.length == 0) {
            return;
        }
        String admin = api.masterAdminToken();
        String base = "/admin/realms/" + realm;
        String clientId = api.get(base + "/clients?clientId=realm-management", admin).json().get(0).get("id")
                .asText();
        List<JsonNode> mappings = new ArrayList<>();
        for (String role : roles) {
            Response found = api.get(base + "/clients/" + clientId + "/roles/" + role, admin);
            assertEquals(200, found.status(), found.body());
            mappings.add(found.json());
        }
        Response granted = api.post(base + "/users/" + userId + "/role-mappings/clients/" + clientId, admin, mappings);
        assertEquals(204, granted.status(), granted.body());
    }
}
