package dev.securitycenter.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.KeycloakApi.Response;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A throw-away realm created through the stock admin REST API, with the Security Center audit listener installed,
 * so tests that change settings or lock users never disturb the shared demo realm.
 */
public final class TestRealm implements AutoCloseable {

    public static final String AUDIT_LISTENER = "security-center-audit";

    private final KeycloakApi api;
    private final String name;

    private TestRealm(KeycloakApi api, String name) {
        this.api = api;
        this.name = name;
    }

    public static TestRealm create(KeycloakApi api, String prefix, Map<String, Object> settings) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> realm = new HashMap<>(settings);
        realm.put("realm", name);
        realm.put("enabled", true);
        realm.putIfAbsent("eventsListeners", List.of("jboss-logging", AUDIT_LISTENER));
        Response created = api.post("/admin/realms", api.masterAdminToken(), realm);
        assertEquals(201, created.status(), created.body());
        return new TestRealm(api, name);
    }

    /**
     * A throw-away copy of a realm file the server imported (e.g. the demo realm {@code acme}: its roles, 45 users,
     * passwords and TOTP keys), for tests that change what other tests read from the original.
     */
    public static TestRealm copyOf(KeycloakApi api, String realmFile, String prefix) {
        return copyOf(api, RealmFiles.realmFile(realmFile), realmFile, prefix);
    }

    /**
     * The same copy in which only the named users keep their password: every other user is still there, with
     * their roles and second factors (so counts of people and of 2FA adoption are the original's), but cannot
     * sign in with a password. Keycloak hashes each password of an import, which makes a copy of the demo realm
     * several seconds slower than one in which only the people a test signs in as have one.
     */
    public static TestRealm copyWithPasswordsOf(KeycloakApi api, String realmFile, String prefix,
                                                Set<String> usernames) {
        JsonNode realm = RealmFiles.realmFile(realmFile);
        for (JsonNode user : realm.get("users")) {
            if (!usernames.contains(user.get("username").asText())) {
                ArrayNode kept = KeycloakApi.JSON.createArrayNode();
                user.get("credentials").forEach(c -> {
                    if (!"password".equals(c.get("type").asText())) {
                        kept.add(c);
                    }
                });
                ((ObjectNode) user).set("credentials", kept);
            }
        }
        return copyOf(api, realm, realmFile, prefix);
    }

    private static TestRealm copyOf(KeycloakApi api, JsonNode realm, String realmFile, String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String json = realm.toString()
                .replace("\"default-roles-" + realmFile + "\"", "\"default-roles-" + name + "\"")
                .replace("\"realm\":\"" + realmFile + "\"", "\"realm\":\"" + name + "\"");
        Response created = api.post("/admin/realms", api.masterAdminToken(), json);
        assertEquals(201, created.status(), created.body());
        return new TestRealm(api, name);
    }

    public String name() {
        return name;
    }

    public String adminPath() {
        return "/admin/realms/" + name;
    }

    /** Creates an enabled user with a verified email and a password; returns the user's id. */
    public String createUser(String username, String password) {
        return createUser(username, List.of(passwordCredential(password)));
    }

    /** Creates a user who already has an authenticator app (an OTP credential with the given raw secret). */
    public String createUserWithTotp(String username, String password, String secret) {
        return createUser(username, password, List.of(SecondFactors.totp(secret)));
    }

    /** Creates a user with a password and further credentials (see {@link SecondFactors}). */
    public String createUser(String username, String password, List<Map<String, Object>> more) {
        List<Map<String, Object>> credentials = new ArrayList<>(List.of(passwordCredential(password)));
        credentials.addAll(more);
        return createUser(username, credentials);
    }

    private String createUser(String username, List<Map<String, Object>> credentials) {
        Response created = api.post(adminPath() + "/users", api.masterAdminToken(), Map.of(
                "username", username,
                "enabled", true,
                "email", username + "@example.test",
                "emailVerified", true,
                "firstName", "Test",
                "lastName", username,
                "credentials", credentials));
        assertEquals(201, created.status(), created.body());
        return created.location().substring(created.location().lastIndexOf('/') + 1);
    }

    private static Map<String, Object> passwordCredential(String password) {
        return Map.of("type", "password", "value", password, "temporary", false);
    }

    /** Changes the Security Center policy as an admin would: read it, change some fields, write it back. */
    public void changePolicy(Consumer<ObjectNode> change) {
        Response saved = api.put(policyPath(), api.masterAdminToken(), changedPolicy(change));
        assertEquals(200, saved.status(), saved.body());
    }

    /** What the server's preview answers for the current policy with a change, without saving it. */
    public JsonNode previewPolicy(Consumer<ObjectNode> change) {
        Response preview = api.post(policyPath() + "/preview", api.masterAdminToken(), changedPolicy(change));
        assertEquals(200, preview.status(), preview.body());
        return preview.json();
    }

    private ObjectNode changedPolicy(Consumer<ObjectNode> change) {
        ObjectNode policy = (ObjectNode) api.get(policyPath(), api.masterAdminToken()).json();
        change.accept(policy);
        return policy;
    }

    private String policyPath() {
        return adminPath() + "/security-center/policy";
    }

    /** The recommended policy, with the IP allowlist on and only this machine (127.0.0.1) on it. */
    public void allowOnlyThisMachine() {
        Response defaults = api.post(adminPath() + "/security-center/policy/defaults", api.masterAdminToken(), "");
        assertEquals(200, defaults.status(), defaults.body());
        changePolicy(policy -> policy.withObjectProperty("ipAllowlist").put("enabled", true).putArray("entries")
                .addObject().put("value", "127.0.0.1").put("label", "this machine"));
    }

    /**
     * Adds an OpenID Connect identity provider that is never signed in through (its endpoints lead nowhere), for
     * what only needs one to exist: the "SSO required" switch, the sign-in page's button, Linked accounts.
     */
    public void addIdentityProvider(String alias, String displayName) {
        Response created = api.post(adminPath() + "/identity-provider/instances", api.masterAdminToken(), Map.of(
                "alias", alias, "displayName", displayName, "providerId", "oidc", "enabled", true,
                "config", Map.of("clientId", name, "clientSecret", "unused",
                        "authorizationUrl", "http://127.0.0.1:9/auth", "tokenUrl", "http://127.0.0.1:9/token")));
        assertEquals(201, created.status(), created.body());
    }

    /** Points the realm's mail at a local SMTP catcher. */
    public void useSmtp(int port) {
        update(Map.of("smtpServer", Map.of("host", "127.0.0.1", "port", String.valueOf(port),
                "from", "security@" + name + ".test", "fromDisplayName", name)));
    }

    /**
     * Waits until the brute-force state of a user matches (Keycloak records failures in a transaction of its own,
     * just after the response) and tells whether it did within five seconds.
     */
    public boolean awaitBruteForce(String userId, Predicate<JsonNode> state) {
        for (int i = 0; i < 50; i++) {
            if (state.test(api.get(adminPath() + "/attack-detection/brute-force/users/" + userId,
                    api.masterAdminToken()).json())) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return false;
    }

    public void update(Map<String, Object> changes) {
        Response response = api.put(adminPath(), api.masterAdminToken(), changes);
        assertEquals(204, response.status(), response.body());
    }

    @Override
    public void close() {
        Response deleted = api.delete(adminPath(), api.masterAdminToken());
        assertEquals(204, deleted.status(), deleted.body());
    }
}
