package dev.securitycenter.it.surface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import dev.securitycenter.it.support.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hundreds of generated bad bodies and parameters sent to every endpoint that takes input: each gets a 4xx (naming
 * the field where the body has fields), never a 5xx, and nothing changes: the policy reads the same, the user's
 * credentials are the same, and the audit log gains no row but the refused sign-in proofs.
 */
@ExtendWith(KeycloakTestServer.class)
class MalformedInputIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final String SECRET = "12345678901234567890";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Values of the wrong kind for any field, whatever it expects. */
    private static final List<JsonNode> ALIEN = List.of(NODES.objectNode(), NODES.arrayNode().add(NODES.objectNode()),
            NODES.textNode("x".repeat(200_000)), NODES.textNode("\u202e\u0000\uD83D\uDE00 ☃ 𝔘"));
    /** Keycloak's (Quarkus') default limit of a request body: 10 MiB. */
    private static final int BODY_LIMIT = 10 << 20;
    /** Refused sign-in proofs (wrong codes, wrong current passwords) are recorded: they are attempts. */
    private static final Set<String> REFUSAL_EVENTS = Set.of("auth.login_failed", "auth.account_locked");

    private static final HttpClient HTTP_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static KeycloakApi api;
    private static TestRealm realm;
    private static String userId;
    private static String userToken;

    @BeforeAll
    static void createRealm() {
        api = KeycloakTestServer.api();
        realm = TestRealm.create(api, "malformed", Map.of("accessTokenLifespan", 1800));
        assertEquals(200, api.post(admin("/policy/defaults"), api.masterAdminToken(), "").status());
        realm.changePolicy(p -> p.withObjectProperty("lockout").putNull("maxFailures"));
        // the calls below may take longer than the 5 minutes a sign-in counts as recent for adding an app
        assertEquals(204, api.put(realm.adminPath() + "/authentication/required-actions/CONFIGURE_TOTP/config",
                api.masterAdminToken(), Map.of("config", Map.of("max_auth_age", "3600"))).status());
        userId = realm.createUserWithTotp("mallory", PASSWORD, SECRET);
        userToken = api.token(realm.name(), "mallory", PASSWORD, Totp.unusedCode(SECRET));
    }

    @AfterAll
    static void deleteRealm() {
        realm.close();
    }

    @Test
    void badInputIsRefusedByNameAndChangesNothing() {
        List<Case> cases = new ArrayList<>();
        bodies(cases);
        policyFields(cases);
        accountFields(cases);
        parameters(cases);
        assertTrue(cases.size() >= 200, "cases: " + cases.size());

        JsonNode policyBefore = policy();
        JsonNode credentialsBefore = credentials();
        Set<String> auditBefore = auditIds();
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            Response response = c.send().get();
            String problem = problem(c, response);
            if (problem != null) {
                wrong.add(c.name() + " → " + response.status() + " " + problem + ": " + abbreviate(response.body()));
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + cases.size() + " cases:\n" + String.join("\n", wrong));

        assertEquals(policyBefore, policy(), "the policy is unchanged");
        assertEquals(credentialsBefore, credentials(), "the user's credentials are unchanged");
        List<String> added = new ArrayList<>();
        for (JsonNode event : api.get(admin("/audit?max=500"), api.masterAdminToken()).json()) {
            if (!auditBefore.contains(event.get("id").asText())
                    && !REFUSAL_EVENTS.contains(event.get("type").asText())) {
                added.add(event.toString());
            }
        }
        assertTrue(added.isEmpty(), "audit rows added: " + added);
    }

    private static String problem(Case c, Response response) {
        int status = response.status();
        if (status < 400 || status >= 500) {
            return "not a 4xx";
        }
        if (c.hasFields() && (status == 400 || status == 403 || status == 409)) {
            JsonNode field;
            try {
                field = response.json().at("/errors/0/field");
            } catch (AssertionError notJson) {
                return "no JSON errors";
            }
            if (field.isMissingNode() || !field.isTextual()) {
                return "no field named";
            }
        }
        return null;
    }

    /** Bodies that are not the document at all, to every endpoint that takes one. */
    private static void bodies(List<Case> cases) {
        Map<String, String> garbage = new java.util.LinkedHashMap<>();
        garbage.put("empty", "");
        garbage.put("open brace", "{");
        garbage.put("close brace", "}");
        garbage.put("array", "[]");
        garbage.put("null", "null");
        garbage.put("number", "0");
        garbage.put("string", "\"text\"");
        garbage.put("boolean", "true");
        garbage.put("missing value", "{\"a\":}");
        garbage.put("trailing garbage", "{} x");
        garbage.put("NUL", "\u0000");
        garbage.put("deep arrays", "[".repeat(5_000) + "]".repeat(5_000));
        garbage.put("deep objects", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000));
        garbage.put("1 MB of text", "z".repeat(1 << 20));
        garbage.put("10 MB document", "{\"code\":\"" + "9".repeat(BODY_LIMIT) + "\"}");
        garbage.put("unknown field", "{\"unknown\":1}");
        for (Map.Entry<String, String> body : garbage.entrySet()) {
            for (Endpoint endpoint : bodyEndpoints()) {
                Supplier<Response> send = () -> endpoint.send().apply(body.getValue());
                cases.add(new Case(endpoint.name() + " with " + body.getKey(), true,
                        body.getValue().length() > BODY_LIMIT ? () -> refusedOrClosed(send) : send));
            }
        }
    }

    /**
     * Above its body limit (10 MiB) the server answers 413 and closes the connection without reading further; a
     * client still uploading may then see only the close. Both are a refusal; anything else is returned as is.
     */
    private static Response refusedOrClosed(Supplier<Response> send) {
        try {
            return send.get();
        } catch (UncheckedIOException closedWhileUploading) {
            return new Response(413, "connection closed by the server: " + closedWhileUploading.getMessage(), null,
                    null);
        }
    }

    /** The policy document just read, with one field at a time replaced by a value of the wrong kind. */
    private static void policyFields(List<Case> cases) {
        JsonNode doc = policy();
        List<String> paths = new ArrayList<>();
        leaves(doc, "", paths);
        for (String path : paths) {
            if (Set.of("/configured", "/updatedAt", "/updatedBy").contains(path)) {
                continue;
            }
            for (JsonNode bad : wrongFor(doc.at(path))) {
                ObjectNode broken = doc.deepCopy();
                replace(broken, path, bad);
                for (String target : new String[]{"/policy", "/policy/preview"}) {
                    String name = (target.endsWith("preview") ? "POST " : "PUT ") + target + " " + path + "="
                            + abbreviate(bad.toString());
                    cases.add(new Case(name, true, () -> target.endsWith("preview")
                            ? refusedPreview(api.post(admin(target), api.masterAdminToken(), broken))
                            : api.put(admin(target), api.masterAdminToken(), broken)));
                }
            }
        }
    }

    /** A preview answers 200 with the errors it found; a preview without errors would be a miss. */
    private static Response refusedPreview(Response response) {
        if (response.status() == 200 && response.json().path("errors").isEmpty()) {
            return new Response(200, "preview found no error: " + response.body(), null, null);
        }
        return response.status() == 200
                ? new Response(400, "{\"errors\":" + response.json().get("errors") + "}", null, null)
                : response;
    }

    private static void accountFields(List<Case> cases) {
        Map<String, List<String>> fields = Map.of(
                "/password", List.of("currentPassword", "newPassword", "confirmation"),
                "/mfa/totp/verify", List.of("code"),
                "/mfa/recovery-codes", List.of("code"),
                "/mfa", List.of("code"));
        List<JsonNode> wrong = new ArrayList<>(ALIEN);
        wrong.add(NODES.numberNode(5));
        wrong.add(NODES.booleanNode(true));
        wrong.add(NODES.nullNode());
        for (Map.Entry<String, List<String>> endpoint : fields.entrySet()) {
            for (String field : endpoint.getValue()) {
                for (JsonNode bad : wrong) {
                    ObjectNode body = NODES.objectNode();
                    endpoint.getValue().forEach(f -> body.put(f, PASSWORD));
                    body.set(field, bad);
                    String path = endpoint.getKey();
                    String name = (path.equals("/mfa") ? "DELETE " : "POST ") + path + " " + field + "="
                            + abbreviate(bad.toString());
                    cases.add(new Case(name, true, () -> path.equals("/mfa")
                            ? api.delete(account(path), userToken, body)
                            : api.post(account(path), userToken, body)));
                }
            }
        }
    }

    private static void parameters(List<Case> cases) {
        String[] paging = {"max=-1", "max=0", "max=501", "max=abc", "max=1e3", "max=99999999999999999999",
                "first=-1", "first=x", "first=99999999999999999999"};
        String[] filters = {"from=notadate", "to=notadate", "from=2025-13-45", "to=2025-02-30T25:00:00Z",
                "from=2025-12-11&to=2025-12-10", "type=nope", "type=auth.login_succeeded&type=bogus",
                "to=" + enc("☃"), "from=" + enc("x".repeat(2_000))};
        for (String query : paging) {
            cases.add(new Case("GET /audit?" + query, true,
                    () -> api.get(admin("/audit?" + query), api.masterAdminToken())));
        }
        for (String query : filters) {
            cases.add(new Case("GET /audit?" + query, true,
                    () -> api.get(admin("/audit?" + query), api.masterAdminToken())));
            cases.add(new Case("GET /audit/export?" + query, true,
                    () -> api.get(admin("/audit/export?" + query), api.masterAdminToken())));
        }
        // Keycloak itself refuses a NUL in a query parameter (400, before any extension runs), naming nothing
        for (String path : new String[]{admin("/audit?from=%00"), admin("/audit/export?to=%00")}) {
            cases.add(new Case("GET " + path, false, () -> api.get(path, api.masterAdminToken())));
        }
        for (String format : new String[]{"xml", "CSVX", "csv%20", enc("../../etc/passwd")}) {
            cases.add(new Case("GET /audit/export?format=" + format, true,
                    () -> api.get(admin("/audit/export?format=" + format), api.masterAdminToken())));
        }
        for (String query : new String[]{"max=-1", "max=0", "max=501", "max=x", "first=-1", "first=x"}) {
            cases.add(new Case("GET /activity?" + query, true,
                    () -> api.get(account("/activity?" + query), userToken)));
        }
        for (String days : new String[]{"0", "91", "-1", "x", "", "30.5", "1e1", "99999999999999999999",
                enc("☃"), "30&days=7"}) {
            cases.add(new Case("GET /stats?days=" + days, true,
                    () -> api.get(admin("/stats?days=" + days), api.masterAdminToken())));
        }
        for (String dryRun : new String[]{"maybe", "yes", "1", "", "true&dryRun=false"}) {
            cases.add(new Case("POST /mfa/reminders?dryRun=" + dryRun, true,
                    () -> api.post(admin("/mfa/reminders?dryRun=" + dryRun), api.masterAdminToken(), "")));
        }
        String[] ids = {enc("x".repeat(5_000)), enc("☃"), enc("' or 1=1 --"), "%00", enc(userId + " ")};
        for (String id : ids) {
            cases.add(new Case("POST /lockouts/" + abbreviate(id) + "/unlock", false,
                    () -> api.post(admin("/lockouts/" + id + "/unlock"), api.masterAdminToken(), "")));
            cases.add(new Case("POST /sessions/" + abbreviate(id) + "/terminate", false,
                    () -> api.post(account("/sessions/" + id + "/terminate"), userToken, "")));
        }
    }

    private record Endpoint(String name, Function<String, Response> send) {
    }

    private static List<Endpoint> bodyEndpoints() {
        String admin = api.masterAdminToken();
        return List.of(
                new Endpoint("PUT /policy", body -> raw("PUT", admin("/policy"), admin, body)),
                new Endpoint("POST /policy/preview",
                        body -> refusedPreview(raw("POST", admin("/policy/preview"), admin, body))),
                new Endpoint("POST /password", body -> raw("POST", account("/password"), userToken, body)),
                new Endpoint("POST /mfa/totp/verify",
                        body -> raw("POST", account("/mfa/totp/verify"), userToken, body)),
                new Endpoint("POST /mfa/recovery-codes",
                        body -> raw("POST", account("/mfa/recovery-codes"), userToken, body)),
                new Endpoint("DELETE /mfa", body -> raw("DELETE", account("/mfa"), userToken, body)));
    }

    /**
     * A JSON request over plain HTTP/1.1, as a script or proxy sends it (the shared client offers an HTTP/2 upgrade,
     * which the server answers for an oversized body by closing the connection instead of with a status).
     */
    private static Response raw(String method, String path, String token, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP_1_1.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Case(String name, boolean hasFields, Supplier<Response> send) {
    }

    /** Values a field of this kind never accepts. */
    private static List<JsonNode> wrongFor(JsonNode current) {
        List<JsonNode> wrong = new ArrayList<>(ALIEN);
        if (current.isBoolean()) {
            wrong.addAll(List.of(NODES.textNode("yes"), NODES.numberNode(1)));
        } else if (current.isNumber()) {
            wrong.addAll(List.of(NODES.textNode("12"), NODES.numberNode(-1), NODES.numberNode(2_147_483_648L),
                    NODES.numberNode(new java.math.BigDecimal("1e400")), NODES.numberNode(12.5),
                    NODES.booleanNode(true)));
        } else if (current.isTextual()) {
            wrong.addAll(List.of(NODES.numberNode(1), NODES.textNode("NOPE"), NODES.booleanNode(false)));
        } else if (current.isArray()) {
            wrong.addAll(List.of(NODES.textNode("TOTP"), NODES.arrayNode().add(5), NODES.arrayNode().addNull()));
        } else if (current.isNull()) {
            wrong.addAll(List.of(NODES.textNode("never"), NODES.booleanNode(true)));
        }
        return wrong;
    }

    private static void leaves(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                leaves(e.getValue(), path + "/" + e.getKey(), out);
            }
        } else {
            out.add(path);
        }
    }

    private static void replace(ObjectNode root, String path, JsonNode value) {
        int cut = path.lastIndexOf('/');
        JsonNode parent = cut == 0 ? root : root.at(path.substring(0, cut));
        ((ObjectNode) parent).set(path.substring(cut + 1), value);
    }

    private static JsonNode policy() {
        Response response = api.get(admin("/policy"), api.masterAdminToken());
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private static JsonNode credentials() {
        return api.get(realm.adminPath() + "/users/" + userId + "/credentials", api.masterAdminToken()).json();
    }

    private static Set<String> auditIds() {
        Set<String> ids = new HashSet<>();
        api.get(admin("/audit?max=500"), api.masterAdminToken()).json().forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String admin(String path) {
        return realm.adminPath() + "/security-center" + path;
    }

    private static String account(String path) {
        return "/realms/" + realm.name() + "/security-center/account" + path;
    }
}
