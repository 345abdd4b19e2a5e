package dev.securitycenter.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.KeycloakApi.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Everything a realm's configuration holds that the extension writes, read through Keycloak's admin API: the realm
 * settings (password policy, brute-force detector, SSO timeouts, bound flows, themes, event listeners, our
 * attributes…), the managed flows step by step with their configuration, the required actions and the client
 * policies. What necessarily differs between two realms (ids, the name, when and by whom the policy was saved) is
 * left out, so two realms configured with the same policy read the same.
 */
public final class RealmConfiguration {

    /** Realm settings that name the realm or change on every save. */
    private static final List<String> REALM_OWN = List.of("id", "realm", "defaultRole");
    private static final List<String> SAVE_STAMPS = List.of("securityCenter.updatedAt", "securityCenter.updatedBy",
            "securityCenter.ipAllowlist.version");
    /** Ids of rows, not configuration. */
    private static final List<String> ROW_IDS = List.of("id", "flowId", "authenticationConfig");
    private static final String MANAGED_FLOWS = "security-center";

    private RealmConfiguration() {
    }

    public static JsonNode of(KeycloakApi api, String realm) {
        String path = "/admin/realms/" + realm;
        ObjectNode configuration = KeycloakApi.JSON.createObjectNode();
        ObjectNode settings = (ObjectNode) read(api, path);
        settings.remove(REALM_OWN);
        if (settings.get("attributes") instanceof ObjectNode attributes) {
            attributes.remove(SAVE_STAMPS);
        }
        configuration.set("settings", settings);
        ObjectNode flows = configuration.putObject("managedFlows");
        for (JsonNode flow : read(api, path + "/authentication/flows")) {
            String alias = flow.get("alias").asText();
            if (alias.startsWith(MANAGED_FLOWS)) {
                ((ObjectNode) flow).remove("id");
                flows.set(alias, flow);
                ((ObjectNode) flow).set("steps", steps(api, path, alias));
            }
        }
        configuration.set("requiredActions", read(api, path + "/authentication/required-actions"));
        configuration.set("clientProfiles", read(api, path + "/client-policies/profiles"));
        configuration.set("clientPolicies", read(api, path + "/client-policies/policies"));
        return sorted(configuration);
    }

    /** Fields in name order at every depth: attributes and step configurations are maps, listed in any order. */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = KeycloakApi.JSON.createObjectNode();
            TreeSet<String> names = new TreeSet<>();
            node.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> sorted.set(name, sorted(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode sorted = KeycloakApi.JSON.createArrayNode();
            node.forEach(element -> sorted.add(sorted(element)));
            return sorted;
        }
        return node;
    }

    /** A flow's steps in order (nested subflows by level), each with its configuration's values in place of its id. */
    private static ArrayNode steps(KeycloakApi api, String path, String alias) {
        ArrayNode steps = (ArrayNode) read(api, path + "/authentication/flows/"
                + URLEncoder.encode(alias, StandardCharsets.UTF_8).replace("+", "%20") + "/executions");
        for (JsonNode step : steps) {
            ObjectNode fields = (ObjectNode) step;
            if (fields.hasNonNull("authenticationConfig")) {
                fields.set("config", read(api, path + "/authentication/config/"
                        + fields.get("authenticationConfig").asText()).get("config"));
            }
            fields.remove(ROW_IDS);
        }
        return steps;
    }

    private static JsonNode read(KeycloakApi api, String path) {
        Response response = api.get(path, api.masterAdminToken());
        assertEquals(200, response.status(), path + ": " + response.body());
        return response.json();
    }
}
